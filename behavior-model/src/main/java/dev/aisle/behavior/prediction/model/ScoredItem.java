package dev.aisle.behavior.prediction.model;

/**
 * One ranked prediction: an item id with the score the answering model gave it.
 * @param itemId the item id (external string id, or the decimal item index)
 * @param score the model's score; only the order among results of one call is meaningful
 */
public record ScoredItem(String itemId, double score) {
}
