package dev.aisle.recommend.catalog;

import java.util.List;
import java.util.Locale;

/** The columns of a {@code catalog.products} row that recommendations use. */
public record CatalogProduct(String id, String title, String description, String brand, List<String> categoryPath,
        boolean inStock) {

    /**
     * Whether the product is in {@code category}: the full path ({@code Sports > Basketball}), a leading part of it,
     * or any single level ({@code Basketball}), ignoring case.
     */
    public boolean inCategory(String category) {
        if (category == null || category.isBlank()) {
            return true;
        }
        String wanted = category.trim().toLowerCase(Locale.ROOT);
        String path = String.join(" > ", categoryPath).toLowerCase(Locale.ROOT);
        if (path.equals(wanted) || path.startsWith(wanted + " > ")) {
            return true;
        }
        return categoryPath.stream().anyMatch(level -> level.equalsIgnoreCase(wanted));
    }

    /** The most specific category level, or null. */
    public String leafCategory() {
        return categoryPath.isEmpty() ? null : categoryPath.get(categoryPath.size() - 1);
    }
}
