package dev.aisle.search.index;

import java.util.List;

/**
 * What the index holds of a product.
 *
 * @param id product id
 * @param title title (required)
 * @param description description or {@code null}
 * @param brand brand or {@code null}
 * @param categoryPath category levels from the root, possibly empty
 * @param price price or {@code null}
 * @param inStock whether it can be bought now
 * @param language ISO language code or {@code null} (CJK text is detected when absent)
 * @param createdAtMillis creation time in epoch milliseconds, for "newest"
 * @param vector unit-length text embedding, or {@code null}
 */
public record IndexedProduct(String id, String title, String description, String brand, List<String> categoryPath,
        Double price, boolean inStock, String language, long createdAtMillis, float[] vector) {

    public IndexedProduct {
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
    }

    /** The text that is embedded: title, brand and category, which describe a product best in a few words. */
    public String embeddingText() {
        return embeddingText(title, brand, categoryPath);
    }

    /** The embedded text of a product with these fields. */
    public static String embeddingText(String title, String brand, List<String> categoryPath) {
        StringBuilder text = new StringBuilder(title);
        if (brand != null && !brand.isBlank() && !title.toLowerCase().contains(brand.toLowerCase())) {
            text.append(" | ").append(brand);
        }
        if (categoryPath != null && !categoryPath.isEmpty()) {
            text.append(" | ").append(String.join(" > ", categoryPath));
        }
        return text.toString();
    }

    /** This product with an embedding. */
    public IndexedProduct withVector(float[] newVector) {
        return new IndexedProduct(id, title, description, brand, categoryPath, price, inStock, language,
                createdAtMillis, newVector);
    }
}
