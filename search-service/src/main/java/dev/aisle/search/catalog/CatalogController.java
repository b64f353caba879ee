package dev.aisle.search.catalog;

import dev.aisle.common.product.Product;
import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue API: list with filters, get, replace, delete, and bulk upsert from JSON or CSV. */
@RestController
@RequestMapping("/api/v1/catalog/products")
class CatalogController {

    private static final TypeReference<List<Product>> PRODUCTS = new TypeReference<>() {
    };

    private final CatalogService catalog;
    private final CatalogProperties limits;
    private final JsonMapper json;

    CatalogController(CatalogService catalog, CatalogProperties limits, JsonMapper json) {
        this.catalog = catalog;
        this.limits = limits;
        // a missing "inStock" means false rather than a parse failure that would hide the other field errors
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    @GetMapping
    ProductPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(required = false) String category, @RequestParam(required = false) String brand,
            @RequestParam(required = false) Boolean inStock) {
        return catalog.list(page, size, category, brand, inStock);
    }

    @GetMapping("/{id}")
    Product get(@PathVariable String id) {
        return catalog.get(id);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Product put(@PathVariable String id, @RequestBody Product product) {
        if (product.id() != null && !product.id().equals(id)) {
            throw new BadRequestException("Body id " + product.id() + " differs from path id " + id);
        }
        Product withId = new Product(id, product.title(), product.description(), product.brand(),
                product.categoryPath(), product.price(), product.currency(), product.attributes(), product.inStock(),
                product.language(), product.createdAt(), product.updatedAt());
        catalog.upsert(List.of(withId), List.of());
        return catalog.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    UpsertResponse upsertJson(HttpServletRequest request) throws IOException {
        byte[] body = readLimited(request);
        List<Product> products;
        try {
            products = json.readValue(body, PRODUCTS);
        } catch (JacksonException e) {
            throw new BadRequestException("Malformed JSON: expected an array of products: "
                    + e.getOriginalMessage());
        }
        if (products == null) {
            throw new BadRequestException("Expected a JSON array of products");
        }
        checkCount(products.size());
        return new UpsertResponse(catalog.upsert(products, List.of()));
    }

    @PostMapping(consumes = {"text/csv", "application/csv"})
    UpsertResponse upsertCsv(HttpServletRequest request) throws IOException {
        byte[] body = readLimited(request);
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Product> products = ProductCsvReader.read(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
                limits.maxProductsPerRequest(), errors);
        return new UpsertResponse(catalog.upsert(products, errors));
    }

    private void checkCount(int count) {
        if (count > limits.maxProductsPerRequest()) {
            throw new PayloadTooLargeException(
                    count + " products sent; at most " + limits.maxProductsPerRequest() + " per request");
        }
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long max = limits.maxRequestBytes();
        if (request.getContentLengthLong() > max) {
            throw new PayloadTooLargeException("Request body exceeds " + max + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw new PayloadTooLargeException("Request body exceeds " + max + " bytes");
            }
            return body;
        }
    }
}
