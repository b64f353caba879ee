package dev.aisle.behavior.prediction;

/**
 * The probability that a session ends in a purchase.
 *
 * @param probability in [0, 1]
 * @param model the model that answered ({@code base-rate-fallback} before any training: the share of recent
 *     sessions with a purchase)
 * @param modelVersion its stored version, null for the fallback
 */
record PurchaseProbabilityResponse(double probability, String model, Integer modelVersion) {
}
