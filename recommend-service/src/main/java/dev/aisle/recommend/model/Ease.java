package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embarrassingly shallow autoencoder (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): the
 * item-item weights {@code B} minimising {@code ‖X − XB‖²_F + λ‖B‖²_F} subject to {@code diag(B) = 0} have the
 * closed form {@code P = (XᵀX + λI)⁻¹}, {@code B_ij = −P_ij / P_jj} (i ≠ j); users are scored {@code x_u B}.
 * {@code X} is binary. The inversion is cubic in the number of items, so only the {@code maxItems} most popular
 * items take part (others score 0).
 */
public final class Ease implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "ease";

    /**
     * Hyperparameters.
     *
     * @param regularization λ added to the Gram diagonal (default 400, chosen on a validation slice of MovieLens-100k's
     *     training split)
     * @param maxItems most popular items modelled (default 3000)
     * @param threads worker threads (default 2)
     */
    public record Config(double regularization, int maxItems, int threads) implements ModelConfig {

        public Config {
            Check.positive("regularization", regularization);
            Check.positive("maxItems", maxItems);
            Check.positive("threads", threads);
        }

        /** The defaults listed on the components. */
        public static Config defaults() {
            return new Config(400, 3000, 2);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return Ease.fit(data, this);
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("regularization", regularization);
            p.put("max_items", maxItems);
            return p;
        }
    }

    private final Config config;
    private final Interactions data;
    private final int[] modelled;
    private final int[] slot;
    private final float[] weights;

    private Ease(Config config, Interactions data, int[] modelled, float[] weights) {
        this.config = config;
        this.data = data;
        this.modelled = modelled;
        this.weights = weights;
        this.slot = new int[data.items()];
        Arrays.fill(slot, -1);
        for (int s = 0; s < modelled.length; s++) {
            slot[modelled[s]] = s;
        }
    }

    /** Computes {@code B} in closed form (Cholesky inverse, columns in parallel). */
    public static Ease fit(Interactions data, Config config) {
        Integer[] byDegree = new Integer[data.items()];
        for (int i = 0; i < byDegree.length; i++) {
            byDegree[i] = i;
        }
        Arrays.sort(byDegree, (a, b) -> data.itemDegree(a) != data.itemDegree(b)
                ? Integer.compare(data.itemDegree(b), data.itemDegree(a)) : Integer.compare(a, b));
        int m = Math.min(config.maxItems(), data.items());
        int[] modelled = new int[m];
        for (int s = 0; s < m; s++) {
            modelled[s] = byDegree[s];
        }
        Arrays.sort(modelled);
        int[] slot = new int[data.items()];
        Arrays.fill(slot, -1);
        for (int s = 0; s < m; s++) {
            slot[modelled[s]] = s;
        }
        double[] g = new double[m * m];
        for (int u = 0; u < data.users(); u++) {
            int[] items = Arrays.stream(data.itemsOf(u)).map(i -> slot[i]).filter(s -> s >= 0).toArray();
            for (int a : items) {
                for (int b : items) {
                    g[a * m + b] += 1;
                }
            }
        }
        for (int s = 0; s < m; s++) {
            g[s * m + s] += config.regularization();
        }
        double[] p;
        try (Workers workers = new Workers(config.threads())) {
            p = SymmetricInverse.invert(g, m, workers);
        }
        float[] b = new float[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                b[i * m + j] = i == j ? 0 : (float) (-p[i * m + j] / p[j * m + j]);
            }
        }
        return new Ease(config, data, modelled, b);
    }

    @Override
    public float[] score(int user) {
        return scoreInteractions(data.itemsOf(user), data.valuesOf(user));
    }

    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        int m = modelled.length;
        float[] s = new float[data.items()];
        float[] acc = new float[m];
        for (int item : itemIds) {
            int row = slot[item];
            if (row >= 0) {
                DenseVectors.axpy(1, weights, row * m, acc, 0, m);
            }
        }
        for (int c = 0; c < m; c++) {
            s[modelled[c]] = acc[c];
        }
        return s;
    }

    @Override
    public float[] similarItems(int item) {
        return scoreInteractions(new int[] {item}, new float[] {1});
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
        out.writeDouble(config.regularization());
        out.writeInt(config.maxItems());
        out.writeInt(config.threads());
        data.write(out);
        PrimitiveArrays.writeInts(out, modelled);
        PrimitiveArrays.writeFloats(out, weights);
    }

    static Ease read(DataInputStream in) throws IOException {
        Config config = new Config(in.readDouble(), in.readInt(), in.readInt());
        return new Ease(config, Interactions.read(in), PrimitiveArrays.readInts(in), PrimitiveArrays.readFloats(in));
    }
}
