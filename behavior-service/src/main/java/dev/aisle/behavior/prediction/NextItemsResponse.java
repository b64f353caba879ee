package dev.aisle.behavior.prediction;

import dev.aisle.behavior.prediction.model.ScoredItem;
import java.util.List;

/**
 * The most likely next items of a session.
 *
 * @param model the model that answered ({@code popularity-fallback} for empty sessions or before any training)
 * @param modelVersion its stored version, null for the fallback
 * @param items ranked items, best first
 * @param unknownItems request items the model does not know, ignored
 */
record NextItemsResponse(String model, Integer modelVersion, List<ScoredItem> items, List<String> unknownItems) {
}
