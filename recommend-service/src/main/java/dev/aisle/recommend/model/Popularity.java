package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Non-personalised popularity: the number of distinct users per item, or, for trending, the sum of interaction
 * weights decayed exponentially with age, {@code s_i = Σ w · 2^(−age / halfLife)}. Per-category popularity is this
 * ranking restricted to the category by the caller.
 */
public final class Popularity implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "popular";

    /** Global popularity has no hyperparameters. */
    public record Config() implements ModelConfig {

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return Popularity.fit(data);
        }

        @Override
        public Map<String, Object> params() {
            return Map.of();
        }
    }

    private final int users;
    private final float[] itemScores;
    private final Map<String, Object> params;

    private Popularity(int users, float[] itemScores, Map<String, Object> params) {
        this.users = users;
        this.itemScores = itemScores;
        this.params = params;
    }

    /** Scores each item by its number of distinct users. */
    public static Popularity fit(Interactions data) {
        float[] s = new float[data.items()];
        for (int i = 0; i < s.length; i++) {
            s[i] = data.itemDegree(i);
        }
        return new Popularity(data.users(), s, Map.of());
    }

    /**
     * Scores each item by time-decayed interaction weight.
     *
     * @param item item index of each interaction
     * @param weight weight of each interaction
     * @param epochSeconds time of each interaction
     * @param nowEpochSeconds the reference time
     * @param halfLifeSeconds age at which an interaction counts half, must be &gt; 0
     */
    public static Popularity trending(int items, int[] item, float[] weight, long[] epochSeconds,
            long nowEpochSeconds, double halfLifeSeconds) {
        Check.positive("halfLifeSeconds", halfLifeSeconds);
        float[] s = new float[items];
        for (int n = 0; n < item.length; n++) {
            double age = Math.max(0, nowEpochSeconds - epochSeconds[n]);
            s[item[n]] += (float) (weight[n] * Math.pow(2, -age / halfLifeSeconds));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("half_life_seconds", halfLifeSeconds);
        return new Popularity(0, s, params);
    }

    @Override
    public float[] score(int user) {
        return itemScores.clone();
    }

    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        return itemScores.clone();
    }

    /** Popularity knows no item similarity: returns the popularity ranking. */
    @Override
    public float[] similarItems(int item) {
        return itemScores.clone();
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public int users() {
        return users;
    }

    @Override
    public int items() {
        return itemScores.length;
    }

    @Override
    public void writePayload(DataOutputStream out) throws IOException {
        out.writeInt(users);
        PrimitiveArrays.writeFloats(out, itemScores);
        ModelIo.writeParams(out, params);
    }

    static Popularity read(DataInputStream in) throws IOException {
        int users = in.readInt();
        float[] scores = PrimitiveArrays.readFloats(in);
        Map<String, Object> params = new LinkedHashMap<>(ModelIo.readParams(in));
        return new Popularity(users, scores, params);
    }

    @Override
    public String toString() {
        return "Popularity" + Arrays.toString(Arrays.copyOf(itemScores, Math.min(5, itemScores.length)));
    }
}
