package dev.aisle.search.catalog;

import dev.aisle.common.product.Product;
import dev.aisle.support.error.BadRequestException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a product CSV upload with header {@code id,title,description,brand,category_path,price,currency,in_stock,
 * language} ({@code category_path} levels joined with {@code " > "}); values that cannot be parsed are reported
 * per row, like bean-validation errors.
 */
final class ProductCsvReader {

    static final List<String> HEADER = List.of(
            "id", "title", "description", "brand", "category_path", "price", "currency", "in_stock", "language");
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "");

    private ProductCsvReader() {
    }

    /** The products of the file; {@code errors} receives one entry per unreadable value. */
    static List<Product> read(Reader reader, int maxProducts, List<Map<String, Object>> errors) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Product> products = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = HEADER.stream().filter(h -> !parser.getHeaderMap().containsKey(h))
                    .filter(h -> h.equals("id") || h.equals("title")).toList();
            if (!missing.isEmpty()) {
                throw new BadRequestException("CSV header lacks " + missing + "; expected " + String.join(",", HEADER));
            }
            for (CSVRecord record : parser) {
                int index = products.size();
                if (index >= maxProducts) {
                    throw new dev.aisle.support.error.PayloadTooLargeException(
                            "At most " + maxProducts + " products per request");
                }
                products.add(product(record, index, errors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadRequestException("Malformed CSV: " + e.getMessage());
        }
        return products;
    }

    private static Product product(CSVRecord r, int index, List<Map<String, Object>> errors) {
        BigDecimal price = null;
        String priceText = get(r, "price");
        if (priceText != null) {
            try {
                price = new BigDecimal(priceText);
            } catch (NumberFormatException e) {
                errors.add(error(index, "price", "must be a number", priceText));
            }
        }
        String stockText = get(r, "in_stock");
        String stock = stockText == null ? "" : stockText.toLowerCase();
        if (!TRUE.contains(stock) && !FALSE.contains(stock)) {
            errors.add(error(index, "inStock", "must be true or false", stockText));
        }
        return new Product(get(r, "id"), get(r, "title"), get(r, "description"), get(r, "brand"),
                ProductRepository.splitPath(get(r, "category_path")), price, get(r, "currency"), Map.of(),
                TRUE.contains(stock), get(r, "language"), null, null);
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    static Map<String, Object> error(int index, String field, String message, Object rejected) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", index);
        error.put("field", "[" + index + "]." + field);
        error.put("message", message);
        if (rejected != null) {
            error.put("rejectedValue", String.valueOf(rejected));
        }
        return error;
    }
}
