package dev.aisle.common.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.aisle.common.product.Product;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Reads product files for import, choosing the format by extension: {@code .json} (a JSON array or NDJSON),
 * {@code .ndjson}/{@code .jsonl} (NDJSON) or {@code .csv}.
 *
 * <p>CSV files need a header; the columns {@code id, title, description, brand, category_path} (levels joined with
 * {@code >}), {@code price, currency, in_stock} ({@code true/false/yes/no/1/0}, empty = true), {@code language},
 * {@code created_at}, {@code updated_at} (ISO-8601) and {@code attributes} (a JSON object) are recognised, in any
 * order, snake_case or camelCase; any other column becomes an attribute. Every record, whatever the format, must
 * have a non-blank id of at most 128 characters and a title, a non-negative price and a three-letter currency;
 * otherwise the read fails with {@code file:line}.
 */
public final class ProductFiles {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private ProductFiles() {
    }

    /** Reads all products of {@code file}. */
    public static List<Product> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(file);
        }
        List<Product> products = new ArrayList<>();
        JsonLines.RecordHandler<Product> checked = (product, line) -> {
            check(file, line, product);
            products.add(product);
        };
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            JsonLines.forEachLine(file, Product.class, checked);
            return products;
        }
        if (name.endsWith(".json")) {
            JsonLines.forEachWithLine(file, Product.class, checked);
            return products;
        }
        throw new IllegalArgumentException(
                "unsupported product file " + file + ", expected .json, .ndjson, .jsonl or .csv");
    }

    /** Reads a product CSV with header (see the class comment). */
    public static List<Product> readCsv(Path file) throws IOException {
        List<Product> products = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        CsvRows.forEach(file, StandardCharsets.UTF_8, (record, line) -> {
            List<String> f = CsvRows.values(record);
            if (columns.isEmpty()) {
                f.forEach(h -> columns.add(h.strip().replace("_", "").toLowerCase(Locale.ROOT)));
                if (!columns.contains("id") || !columns.contains("title")) {
                    throw new DatasetFormatException(file, line, "header must name the columns id and title");
                }
                return;
            }
            if (f.size() != columns.size()) {
                throw new DatasetFormatException(file, line,
                        "expected " + columns.size() + " fields as in the header but found " + f.size());
            }
            Product product = parseRow(file, line, columns, f);
            check(file, line, product);
            products.add(product);
        });
        if (columns.isEmpty()) {
            throw new DatasetFormatException(file, 1, "missing header line");
        }
        return products;
    }

    private static Product parseRow(Path file, long line, List<String> columns, List<String> f) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), f.get(i));
        }
        for (Map.Entry<String, String> column : values.entrySet()) {
            if (!isKnown(column.getKey()) && !column.getValue().isEmpty()) {
                attributes.put(column.getKey(), column.getValue());
            }
        }
        String attributesJson = blankToNull(values.get("attributes"));
        if (attributesJson != null) {
            try {
                attributes.putAll(JsonLines.mapper().readValue(attributesJson, STRING_MAP));
            }
            catch (JacksonException e) {
                throw new DatasetFormatException(file, line, "attributes is not a JSON object of strings", e);
            }
        }
        return new Product(blankToNull(values.get("id")), blankToNull(values.get("title")),
                blankToNull(values.get("description")), blankToNull(values.get("brand")),
                Product.parseCategoryPath(values.get("categorypath")), price(file, line, values.get("price")),
                blankToNull(values.get("currency")), attributes, inStock(file, line, values.get("instock")),
                blankToNull(values.get("language")), instant(file, line, values.get("createdat"), "created_at"),
                instant(file, line, values.get("updatedat"), "updated_at"));
    }

    private static boolean isKnown(String column) {
        return switch (column) {
            case "id", "title", "description", "brand", "categorypath", "price", "currency", "instock", "language",
                    "createdat", "updatedat", "attributes" -> true;
            default -> false;
        };
    }

    /** Checks the constraints that make a record malformed. */
    static void check(Path file, long line, Product p) {
        String problem = null;
        if (p.id() == null || p.id().isBlank()) {
            problem = "id is missing";
        }
        else if (p.id().length() > Product.MAX_ID_LENGTH) {
            problem = "id is longer than " + Product.MAX_ID_LENGTH + " characters";
        }
        else if (p.title() == null || p.title().isBlank()) {
            problem = "title is missing";
        }
        else if (p.price() != null && p.price().signum() < 0) {
            problem = "price is negative";
        }
        else if (p.currency() != null && !p.currency().matches("[A-Z]{3}")) {
            problem = "currency '" + p.currency() + "' is not a three-letter code";
        }
        if (problem != null) {
            throw new DatasetFormatException(file, line, problem);
        }
    }

    private static BigDecimal price(Path file, long line, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        }
        catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, "price is not a number: '" + text + "'");
        }
    }

    private static boolean inStock(Path file, long line, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new DatasetFormatException(file, line, "in_stock is not a boolean: '" + text + "'");
        };
    }

    private static Instant instant(Path file, long line, String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new DatasetFormatException(file, line, name + " is not an ISO-8601 instant: '" + text + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
