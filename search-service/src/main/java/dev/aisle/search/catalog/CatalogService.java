package dev.aisle.search.catalog;

import dev.aisle.common.product.Product;
import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Validates and stores products, then announces the change so the index follows (near real time). */
@Service
public class CatalogService {

    private final ProductRepository products;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    CatalogService(ProductRepository products, Validator validator, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.products = products;
        this.validator = validator;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * Upserts every product or none: all products are validated first and every bad field is reported with the
     * product's index in the request.
     */
    public int upsert(List<Product> batch, List<Map<String, Object>> parseErrors) {
        List<Map<String, Object>> errors = new ArrayList<>(parseErrors);
        for (int i = 0; i < batch.size(); i++) {
            Product product = batch.get(i);
            if (product == null) {
                errors.add(ProductCsvReader.error(i, "", "must not be null", null));
                continue;
            }
            for (ConstraintViolation<Product> v : validator.validate(product)) {
                errors.add(ProductCsvReader.error(i, v.getPropertyPath().toString(), v.getMessage(),
                        v.getInvalidValue()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt((Map<String, Object> e) -> (Integer) e.get("index")));
            throw new BadRequestException("Validation failed for " + errors.size() + " field(s)", errors);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        transactions.executeWithoutResult(status -> products.upsertAll(batch));
        events.publishEvent(new ProductsChangedEvent(batch.stream().map(Product::id).distinct().toList()));
        return batch.size();
    }

    public Product get(String id) {
        return products.findById(id).orElseThrow(() -> new NotFoundException("No product with id " + id));
    }

    public void delete(String id) {
        if (!products.deleteById(id)) {
            throw new NotFoundException("No product with id " + id);
        }
        events.publishEvent(new ProductsChangedEvent(List.of(id)));
    }

    public ProductPage list(int page, int size, String category, String brand, Boolean inStock) {
        return products.findPage(page, size, category, brand, inStock);
    }
}
