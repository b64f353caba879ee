package dev.aisle.search.index;

import java.util.List;

/** A small fixed English and Chinese catalogue. */
final class CatalogTestData {

    private CatalogTestData() {
    }

    static List<IndexedProduct> products() {
        return List.of(
                product("p1", "Air Zoom basketball shoe", "Nike", List.of("Sports", "Basketball", "Shoes"), 89.99, true,
                        "en", 1),
                product("p2", "耐克 男子篮球鞋", "耐克", List.of("运动", "篮球", "鞋"), 599.0, true, "zh", 2),
                product("p3", "Chef kitchen knife", "Wusthof", List.of("Home", "Kitchen"), 49.0, false, "en", 3),
                product("p4", "Running trainers", "Adidas", List.of("Sports", "Running", "Shoes"), 70.0, true, "en",
                        4),
                product("p5", "Indoor basketball", "Spalding", List.of("Sports", "Basketball", "Balls"), 29.5, true,
                        "en", 5),
                product("p6", "Television wall mount", "Sanus", List.of("Electronics", "TV"), 120.0, true, "en", 6),
                product("p7", "Basketball hoop with stand", "Spalding", List.of("Sports", "Basketball"), 249.0, false,
                        "en", 7));
    }

    static IndexedProduct product(String id, String title, String brand, List<String> path, double price,
            boolean inStock, String language, long created) {
        return new IndexedProduct(id, title, null, brand, path, price, inStock, language, created, null);
    }
}
