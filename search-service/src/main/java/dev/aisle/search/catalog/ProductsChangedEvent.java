package dev.aisle.search.catalog;

import java.util.List;

/** Published after products were committed or deleted, so the index can follow. */
public record ProductsChangedEvent(List<String> ids) {
}
