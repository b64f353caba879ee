package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren &amp; Volinsky, "Collaborative
 * Filtering for Implicit Feedback Datasets", ICDM 2008), each least-squares step solved approximately by a few
 * warm-started conjugate-gradient iterations (Takács, Pilászy &amp; Tikk, "Applications of the conjugate gradient
 * method for implicit feedback collaborative filtering", RecSys 2011).
 *
 * <p>With preference {@code p_ui = 1} for every observed pair and confidence {@code c_ui = 1 + α·r_ui} (1 for
 * unobserved pairs) it minimises {@code Σ_u,i c_ui (p_ui − x_uᵀy_i)² + λ (Σ_u n_u^s ‖x_u‖² + Σ_i n_i^s ‖y_i‖²)}
 * where {@code s = 1} when regularisation is scaled by the number of interactions (as Spark MLlib does) and 0
 * otherwise. Each user solves {@code (YᵀY + Yᵀ(C_u − I)Y + λ_u I) x_u = Yᵀ C_u p_u}; {@code YᵀY} is shared, so a
 * CG step costs {@code O(k² + n_u k)}. Users (then items) are solved in parallel and independently, so results do
 * not depend on thread scheduling.
 */
public final class ImplicitAls implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "als";

    /**
     * Hyperparameters.
     *
     * @param factors latent dimensions (default 128)
     * @param regularization λ (default 0.5 with scaled regularisation; chosen on a validation slice of MovieLens-100k's training split)
     * @param alpha confidence slope α in {@code 1 + α·r} (default 1)
     * @param iterations alternating sweeps (default 15)
     * @param cgSteps conjugate-gradient steps per least-squares solve (default 3)
     * @param scaleRegularization multiply λ by each row's number of interactions (default true)
     * @param threads worker threads (default 2)
     * @param seed seed of the Gaussian initialisation (default 42)
     */
    public record Config(int factors, double regularization, double alpha, int iterations, int cgSteps,
            boolean scaleRegularization, int threads, long seed) implements ModelConfig {

        public Config {
            Check.positive("factors", factors);
            Check.nonNegative("regularization", regularization);
            Check.nonNegative("alpha", alpha);
            Check.positive("iterations", iterations);
            Check.positive("cgSteps", cgSteps);
            Check.positive("threads", threads);
        }

        /** The defaults listed on the components. */
        public static Config defaults() {
            return new Config(128, 0.5, 1.0, 15, 3, true, 2, 42);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return ImplicitAls.fit(data, this);
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("factors", factors);
            p.put("regularization", regularization);
            p.put("alpha", alpha);
            p.put("iterations", iterations);
            p.put("cg_steps", cgSteps);
            p.put("scale_regularization", scaleRegularization);
            p.put("seed", seed);
            return p;
        }
    }

    private final Config config;
    private final int users;
    private final int items;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemGram;

    private ImplicitAls(Config config, int users, int items, float[] userFactors, float[] itemFactors) {
        this.config = config;
        this.users = users;
        this.items = items;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        try (Workers workers = new Workers(config.threads())) {
            this.itemGram = toFloat(DenseVectors.gram(itemFactors, items, config.factors(), workers));
        }
    }

    /** Trains on the interactions (values are the r in {@code 1 + α·r}). */
    public static ImplicitAls fit(Interactions data, Config config) {
        int k = config.factors();
        float[] x = DenseVectors.gaussian(data.users(), k, 0.01, config.seed());
        float[] y = DenseVectors.gaussian(data.items(), k, 0.01, config.seed() + 1);
        try (Workers workers = new Workers(config.threads())) {
            for (int it = 0; it < config.iterations(); it++) {
                sweep(workers, config, data.users(), data.userStart, data.userItems, data.userValues, x, y,
                        data.items());
                sweep(workers, config, data.items(), data.itemStart, data.itemUsers, data.itemValues, y, x,
                        data.users());
            }
        }
        return new ImplicitAls(config, data.users(), data.items(), x, y);
    }

    private static void sweep(Workers workers, Config config, int rows, int[] start, int[] cols, float[] vals,
            float[] solve, float[] fixed, int fixedRows) {
        int k = config.factors();
        float[] gram = toFloat(DenseVectors.gram(fixed, fixedRows, k, workers));
        workers.forEach(rows, r -> {
            int n = start[r + 1] - start[r];
            double reg = config.regularization() * (config.scaleRegularization() ? Math.max(n, 1) : 1);
            conjugateGradient(gram, fixed, k, cols, vals, start[r], start[r + 1], solve, r * k, (float) reg,
                    (float) config.alpha(), config.cgSteps());
        });
    }

    /**
     * Approximately solves {@code (G + Σ (c_i − 1) y_i y_iᵀ + λI) x = Σ c_i y_i} in place, starting from x.
     */
    static void conjugateGradient(float[] gram, float[] y, int k, int[] cols, float[] vals, int from, int to,
            float[] x, int xOff, float reg, float alpha, int steps) {
        float[] r = new float[k];
        float[] p = new float[k];
        float[] ap = new float[k];
        for (int a = 0; a < k; a++) {
            r[a] = -reg * x[xOff + a] - DenseVectors.dot(gram, a * k, x, xOff, k);
        }
        for (int q = from; q < to; q++) {
            float c = 1 + alpha * vals[q];
            int yOff = cols[q] * k;
            float w = c - (c - 1) * DenseVectors.dot(y, yOff, x, xOff, k);
            DenseVectors.axpy(w, y, yOff, r, 0, k);
        }
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = DenseVectors.dot(r, 0, r, 0, k);
        // stop once the residual has shrunk by 1e-6 in norm (1e-12 squared): further steps change no ranking
        float tolerance = Math.max(rsOld * 1e-12f, 1e-20f);
        for (int step = 0; step < steps && rsOld > tolerance; step++) {
            for (int a = 0; a < k; a++) {
                ap[a] = reg * p[a] + DenseVectors.dot(gram, a * k, p, 0, k);
            }
            for (int q = from; q < to; q++) {
                float c = 1 + alpha * vals[q];
                int yOff = cols[q] * k;
                DenseVectors.axpy((c - 1) * DenseVectors.dot(y, yOff, p, 0, k), y, yOff, ap, 0, k);
            }
            float step_ = rsOld / DenseVectors.dot(p, 0, ap, 0, k);
            DenseVectors.axpy(step_, p, 0, x, xOff, k);
            DenseVectors.axpy(-step_, ap, 0, r, 0, k);
            float rsNew = DenseVectors.dot(r, 0, r, 0, k);
            for (int a = 0; a < k; a++) {
                p[a] = r[a] + rsNew / rsOld * p[a];
            }
            rsOld = rsNew;
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /**
     * Folds in a user from interactions alone: solves the user's least-squares problem against the fixed item
     * factors (CG from zero with {@code factors} steps, i.e. essentially exact).
     */
    public float[] foldIn(int[] itemIds, float[] values) {
        int k = config.factors();
        float[] x = new float[k];
        double reg = config.regularization() * (config.scaleRegularization() ? Math.max(itemIds.length, 1) : 1);
        conjugateGradient(itemGram, itemFactors, k, itemIds, values, 0, itemIds.length, x, 0, (float) reg,
                (float) config.alpha(), k);
        return x;
    }

    @Override
    public float[] score(int user) {
        return DenseVectors.multiply(itemFactors, items, config.factors(), userFactors, user * config.factors());
    }

    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        return DenseVectors.multiply(itemFactors, items, config.factors(), foldIn(itemIds, values), 0);
    }

    @Override
    public float[] similarItems(int item) {
        return FactorSimilarity.cosine(itemFactors, items, config.factors(), item);
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
        return users;
    }

    @Override
    public int items() {
        return items;
    }

    @Override
    public void writePayload(DataOutputStream out) throws IOException {
        out.writeInt(config.factors());
        out.writeDouble(config.regularization());
        out.writeDouble(config.alpha());
        out.writeInt(config.iterations());
        out.writeInt(config.cgSteps());
        out.writeBoolean(config.scaleRegularization());
        out.writeInt(config.threads());
        out.writeLong(config.seed());
        out.writeInt(users);
        out.writeInt(items);
        PrimitiveArrays.writeFloats(out, userFactors);
        PrimitiveArrays.writeFloats(out, itemFactors);
    }

    static ImplicitAls read(DataInputStream in) throws IOException {
        Config config = new Config(in.readInt(), in.readDouble(), in.readDouble(), in.readInt(), in.readInt(),
                in.readBoolean(), in.readInt(), in.readLong());
        int users = in.readInt();
        int items = in.readInt();
        return new ImplicitAls(config, users, items, PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in));
    }
}
