package dev.aisle.recommend.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Item-based k-nearest-neighbour collaborative filtering (Sarwar, Karypis, Konstan &amp; Riedl, "Item-based
 * collaborative filtering recommendation algorithms", WWW 2001; Deshpande &amp; Karypis, "Item-based top-N
 * recommendation algorithms", TOIS 2004) with shrunk cosine similarity
 * {@code s_ij = r_iᵀr_j / (‖r_i‖‖r_j‖ + h)} (Koren 2008's shrinkage {@code h}), keeping the top-N neighbours of each
 * item, and scoring {@code ŝ_uj = Σ_{i ∈ I_u} r_ui · s_ij} over the neighbour lists of the user's items.
 */
public final class ItemKnn implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "item-knn";

    /**
     * Hyperparameters.
     *
     * @param neighbours neighbours kept per item (default 100)
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
            return new Config(100, 10, 2);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return ItemKnn.fit(data, this);
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
    private final NeighbourLists lists;

    private ItemKnn(Config config, Interactions data, NeighbourLists lists) {
        this.config = config;
        this.data = data;
        this.lists = lists;
    }

    /** Computes every item's neighbour list from the co-occurrence of users (in parallel over items). */
    public static ItemKnn fit(Interactions data, Config config) {
        int items = data.items();
        float[] norm = new float[items];
        for (int i = 0; i < items; i++) {
            double s = 0;
            for (int p = data.itemStart[i]; p < data.itemStart[i + 1]; p++) {
                s += data.itemValues[p] * data.itemValues[p];
            }
            norm[i] = (float) Math.sqrt(s);
        }
        long[][] rows = new long[items][];
        ThreadLocal<float[]> acc = ThreadLocal.withInitial(() -> new float[items]);
        ThreadLocal<int[]> touched = ThreadLocal.withInitial(() -> new int[items]);
        try (Workers workers = new Workers(config.threads())) {
            workers.forEach(items, i -> {
                float[] a = acc.get();
                int[] t = touched.get();
                int count = 0;
                for (int p = data.itemStart[i]; p < data.itemStart[i + 1]; p++) {
                    int u = data.itemUsers[p];
                    float rui = data.itemValues[p];
                    for (int q = data.userStart[u]; q < data.userStart[u + 1]; q++) {
                        int j = data.userItems[q];
                        if (a[j] == 0) {
                            t[count++] = j;
                        }
                        a[j] += rui * data.userValues[q];
                    }
                }
                a[i] = 0;
                for (int c = 0; c < count; c++) {
                    int j = t[c];
                    a[j] = (float) (a[j] / (norm[i] * norm[j] + config.shrinkage()));
                }
                rows[i] = NeighbourLists.strongest(a, t, count, config.neighbours());
                for (int c = 0; c < count; c++) {
                    a[t[c]] = 0;
                }
            });
        }
        return new ItemKnn(config, data, NeighbourLists.of(rows));
    }

    @Override
    public float[] score(int user) {
        return scoreInteractions(data.itemsOf(user), data.valuesOf(user));
    }

    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        float[] s = new float[data.items()];
        for (int n = 0; n < itemIds.length; n++) {
            int i = itemIds[n];
            for (int p = lists.start[i]; p < lists.start[i + 1]; p++) {
                s[lists.neighbour[p]] += values[n] * lists.similarity[p];
            }
        }
        return s;
    }

    @Override
    public float[] similarItems(int item) {
        float[] s = new float[data.items()];
        for (int p = lists.start[item]; p < lists.start[item + 1]; p++) {
            s[lists.neighbour[p]] = lists.similarity[p];
        }
        s[item] = 1;
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

    /** The hyperparameters the model was trained with (to retrain the same configuration on other data). */
    public Config config() {
        return config;
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

    static ItemKnn read(DataInputStream in) throws IOException {
        Config config = new Config(in.readInt(), in.readDouble(), in.readInt());
        return new ItemKnn(config, Interactions.read(in), NeighbourLists.read(in));
    }
}
