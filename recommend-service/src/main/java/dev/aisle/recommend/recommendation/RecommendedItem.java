package dev.aisle.recommend.recommendation;

/** One recommended product with its score and a short human-readable reason. */
public record RecommendedItem(String itemId, double score, String reason) {
}
