package dev.aisle.behavior.prediction.model;

import java.util.List;

/**
 * The answer to "what comes next in this session".
 * @param items ranked items, best first
 * @param model name of the model that answered ({@code pop} when the session had no known item)
 * @param unknownItems request items the model does not know, ignored for the prediction
 */
public record NextItemPrediction(List<ScoredItem> items, String model, List<String> unknownItems) {
}
