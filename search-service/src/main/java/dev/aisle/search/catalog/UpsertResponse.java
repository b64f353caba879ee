package dev.aisle.search.catalog;

/** Answer of a bulk upsert: how many products were written. */
public record UpsertResponse(int upserted) {
}
