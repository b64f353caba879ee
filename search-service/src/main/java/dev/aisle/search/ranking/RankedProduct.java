package dev.aisle.search.ranking;

/** A product id with the score a ranker gave it. */
public record RankedProduct(String id, double score) {
}
