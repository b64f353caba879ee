package dev.aisle.behavior.prediction.model.purchase;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Probability that a session ends in a purchase, from the events before any purchase. */
public interface PurchaseIntentModel {

    /** Short name ({@code logistic}, {@code lstm}). */
    String name();

    /**
     * Fits the model.
     * @param sessions each session's events before its first purchase (or all its events when it has none)
     * @param purchased whether each session ended in a purchase
     */
    void fit(List<List<SessionEventFeatures>> sessions, boolean[] purchased);

    /** Purchase probability in [0, 1]; an empty session gets the base rate. */
    double probability(List<SessionEventFeatures> events);

    /** Hyperparameters for reports. */
    Map<String, Object> params();

    /** Writes the fitted state; {@link PurchaseIntentModels#read} restores it. */
    void write(DataOutputStream out) throws IOException;
}
