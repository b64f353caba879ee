package dev.aisle.recommend.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * User-based k-nearest-neighbour collaborative filtering (Herlocker, Konstan, Borchers &amp; Riedl, "An algorithmic
 * framework for performing collaborative filtering", SIGIR 1999) for top-N recommendation: shrunk cosine
 * {@code s_uv = r_uᵀr_v / (‖r_u‖‖r_v‖ + h)}, the top-N neighbours {@code N(u)} kept, and
 * {@code ŝ_ui = Σ_{v ∈ N(u)} s_uv · r_vi}.
 */
public final class UserKnn implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "user-knn";

    /**
     * Hyperparameters.
     *
     * @param neighbours neighbours kept per user (default 50)
     * @param shrinkage h in the denominator (default 10)
     * @param threads worker threads (default 2)
     */
    public record Config(int neighbours, double shrinkage, int threads) implements ModelConfig {

        public Config {
            Check.positive("neighbours", neighbours);
            Check.nonNegative("shrinkage", shrinkage);
            Check.positive("threads", threads);
        }

        /** The defaults listed on the components. */
        public static Config defaults() {
            return new Config(50, 10, 2);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return UserKnn.fit(data, this);
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("neighbours", neighbours);
            p.put("shrinkage", shrinkage);
            return p;
        }
    }

    private final Config config;
    private final Interactions data;
    private final float[] userNorm;
    private final NeighbourLists lists;

    private UserKnn(Config config, Interactions data, NeighbourLists lists) {
        this.config = config;
        this.data = data;
        this.lists = lists;
        this.userNorm = new float[data.users()];
        for (int u = 0; u < data.users(); u++) {
            double s = 0;
            for (int p = data.userStart[u]; p < data.userStart[u + 1]; p++) {
                s += data.userValues[p] * data.userValues[p];
            }
            userNorm[u] = (float) Math.sqrt(s);
        }
    }

    /** Computes every user's neighbour list (in parallel over users). */
    public static UserKnn fit(Interactions data, Config config) {
        UserKnn empty = new UserKnn(config, data, null);
        long[][] rows = new long[data.users()][];
        try (Workers workers = new Workers(config.threads())) {
            workers.forEach(data.users(),
                    u -> rows[u] = empty.neighbours(data.itemsOf(u), data.valuesOf(u), u));
        }
        return new UserKnn(config, data, NeighbourLists.of(rows));
    }

    private long[] neighbours(int[] itemIds, float[] values, int self) {
        float[] acc = new float[data.users()];
        int[] touched = new int[data.users()];
        int count = 0;
        double selfNorm = 0;
        for (int n = 0; n < itemIds.length; n++) {
            int i = itemIds[n];
            selfNorm += values[n] * values[n];
            for (int p = data.itemStart[i]; p < data.itemStart[i + 1]; p++) {
                int v = data.itemUsers[p];
                if (acc[v] == 0) {
                    touched[count++] = v;
                }
                acc[v] += values[n] * data.itemValues[p];
            }
        }
        if (self >= 0) {
            acc[self] = 0;
        }
        float norm = (float) Math.sqrt(selfNorm);
        for (int c = 0; c < count; c++) {
            int v = touched[c];
            acc[v] = (float) (acc[v] / (norm * userNorm[v] + config.shrinkage()));
        }
        return NeighbourLists.strongest(acc, touched, count, config.neighbours());
    }

    private float[] aggregate(long[] neighbours) {
        float[] s = new float[data.items()];
        for (long key : neighbours) {
            int v = NeighbourLists.index(key);
            float sim = NeighbourLists.score(key);
            for (int p = data.userStart[v]; p < data.userStart[v + 1]; p++) {
                s[data.userItems[p]] += sim * data.userValues[p];
            }
        }
        return s;
    }

    @Override
    public float[] score(int user) {
        float[] s = new float[data.items()];
        for (int p = lists.start[user]; p < lists.start[user + 1]; p++) {
            int v = lists.neighbour[p];
            for (int q = data.userStart[v]; q < data.userStart[v + 1]; q++) {
                s[data.userItems[q]] += lists.similarity[p] * data.userValues[q];
            }
        }
        return s;
    }

    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        return aggregate(neighbours(itemIds, values, -1));
    }

    /** Items are compared by the users who share them (cosine over item columns), computed on demand. */
    @Override
    public float[] similarItems(int item) {
        float[] s = new float[data.items()];
        float[] itemNorm = new float[data.items()];
        for (int p = data.itemStart[item]; p < data.itemStart[item + 1]; p++) {
            int u = data.itemUsers[p];
            for (int q = data.userStart[u]; q < data.userStart[u + 1]; q++) {
                s[data.userItems[q]] += data.itemValues[p] * data.userValues[q];
            }
        }
        for (int j = 0; j < data.items(); j++) {
            if (s[j] != 0) {
                double n = 0;
                for (int p = data.itemStart[j]; p < data.itemStart[j + 1]; p++) {
                    n += data.itemValues[p] * data.itemValues[p];
                }
                itemNorm[j] = (float) Math.sqrt(n);
            }
        }
        float self = itemNorm[item];
        for (int j = 0; j < data.items(); j++) {
            if (s[j] != 0) {
                s[j] = (float) (s[j] / (self * itemNorm[j] + config.shrinkage()));
            }
        }
        return s;
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public Map<String, Object> params() {
        return config.params();
    }

    @Override
    public int users() {
        return data.users();
    }

    @Override
    public int items() {
        return data.items();
    }

    @Override
    public void writePayload(DataOutputStream out) throws IOException {
        out.writeInt(config.neighbours());
        out.writeDouble(config.shrinkage());
        out.writeInt(config.threads());
        data.write(out);
        lists.write(out);
    }

    static UserKnn read(DataInputStream in) throws IOException {
        Config config = new Config(in.readInt(), in.readDouble(), in.readInt());
        return new UserKnn(config, Interactions.read(in), NeighbourLists.read(in));
    }
}
