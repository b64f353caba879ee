package dev.aisle.search.index;

/**
 * A search over the index.
 *
 * @param text full-text query, may be blank when a filter is given
 * @param category category path prefix (levels joined with {@code " > "}), or {@code null}
 * @param brand exact brand, or {@code null}
 * @param minPrice lowest price, or {@code null}
 * @param maxPrice highest price, or {@code null}
 * @param inStock only products in (true) or out of (false) stock, or {@code null}
 * @param sort result order
 */
public record ProductQuery(String text, String category, String brand, Double minPrice, Double maxPrice,
        Boolean inStock, SearchSort sort) {

    /** A plain relevance query without filters. */
    public static ProductQuery text(String text) {
        return new ProductQuery(text, null, null, null, null, null, SearchSort.RELEVANCE);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
