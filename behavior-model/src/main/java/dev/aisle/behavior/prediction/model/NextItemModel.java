package dev.aisle.behavior.prediction.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A next-item model over dense item indices {@code 0 … numItems-1}: fitted on chronologically ordered sessions,
 * it scores every item of the catalogue as the continuation of a session prefix (higher is better).
 */
public interface NextItemModel {

    /** Short name used on the command line and in reports ({@code pop}, {@code sknn}, {@code lstm} …). */
    String name();

    /**
     * Fits the model.
     * @param sessions training sessions in chronological order, each the item indices in click order
     * @param numItems size of the item index space; every index in {@code sessions} is below it
     */
    void fit(List<int[]> sessions, int numItems);

    /**
     * Writes the score of every item for the continuation of {@code prefix} into {@code scores}.
     * @param prefix the session so far (non-empty), oldest first
     * @param scores receives one score per item index; its length is {@code numItems}
     */
    void score(int[] prefix, float[] scores);

    /**
     * Scores several prefixes at once; models that batch (the recurrent ones) override this for throughput.
     * @param prefixes non-empty prefixes
     * @param scores one array of length {@code numItems} per prefix
     */
    default void scoreBatch(int[][] prefixes, float[][] scores) {
        for (int i = 0; i < prefixes.length; i++) {
            score(prefixes[i], scores[i]);
        }
    }

    /** Number of items the model was fitted for. */
    int numItems();

    /** Hyperparameters as reported by the evaluation. */
    Map<String, Object> params();

    /** Writes the fitted state; {@link NextItemModels#read} restores it. */
    void write(DataOutputStream out) throws IOException;
}
