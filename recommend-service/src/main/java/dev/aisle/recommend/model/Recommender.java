package dev.aisle.recommend.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A trained recommendation model: scores every item for a known user, for an ad-hoc user given their interactions
 * (fold-in, anonymous sessions) and for items similar to an item. Higher scores rank first; callers exclude
 * already-seen items and pick the top k. Implementations are immutable and safe for concurrent scoring.
 */
public interface Recommender {

    /** Algorithm name as used by the evaluation and the API ({@code als}, {@code item-knn} …). */
    String algorithm();

    /** Hyperparameters the model was trained with. */
    Map<String, Object> params();

    /** Number of users known at training time. */
    int users();

    /** Number of items known at training time. */
    int items();

    /** Scores of all items for a user known at training time. */
    float[] score(int user);

    /**
     * Scores of all items for a user described only by interactions (item indices and weights), e.g. a user who
     * arrived after training or an anonymous session.
     */
    float[] scoreInteractions(int[] items, float[] values);

    /** Similarity of every item to {@code item} (the item itself included; callers exclude it). */
    float[] similarItems(int item);

    /** Writes the model payload (without the envelope, see {@link ModelIo}). */
    void writePayload(DataOutputStream out) throws IOException;
}
