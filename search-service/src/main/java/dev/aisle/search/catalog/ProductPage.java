package dev.aisle.search.catalog;

import dev.aisle.common.product.Product;
import java.util.List;

/** One page of the catalogue with the total number of products matching the filters. */
public record ProductPage(List<Product> items, int page, int size, long total) {
}
