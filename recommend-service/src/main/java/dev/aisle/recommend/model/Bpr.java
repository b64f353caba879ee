package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bayesian personalised ranking matrix factorisation (Rendle, Freudenthaler, Gantner &amp; Schmidt-Thieme, "BPR:
 * Bayesian Personalized Ranking from Implicit Feedback", UAI 2009) learned by LearnBPR: stochastic gradient ascent on
 * {@code ln σ(x̂_uij) − λ‖Θ‖²} with {@code x̂_uij = x̂_ui − x̂_uj}, {@code x̂_ui = b_i + w_uᵀh_i}, over triples of a user,
 * an observed item i drawn uniformly from the interactions and an unobserved item j drawn uniformly from all items.
 * One epoch draws as many triples as there are interactions; the sampler is seeded and single-threaded, so training
 * is reproducible.
 */
public final class Bpr implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "bpr";

    /**
     * Hyperparameters.
     *
     * @param factors latent dimensions (default 64)
     * @param learningRate SGD step η (default 0.05)
     * @param regularization λ on factors and item bias (default 0.01)
     * @param epochs sampling epochs (default 60)
     * @param seed seed of initialisation and sampling (default 42)
     */
    public record Config(int factors, double learningRate, double regularization, int epochs, long seed)
            implements ModelConfig {

        public Config {
            Check.positive("factors", factors);
            Check.positive("learningRate", learningRate);
            Check.nonNegative("regularization", regularization);
            Check.positive("epochs", epochs);
        }

        /** The defaults listed on the components. */
        public static Config defaults() {
            return new Config(64, 0.05, 0.01, 60, 42);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return Bpr.fit(data, this);
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("factors", factors);
            p.put("learning_rate", learningRate);
            p.put("regularization", regularization);
            p.put("epochs", epochs);
            p.put("seed", seed);
            return p;
        }
    }

    private final Config config;
    private final int users;
    private final int items;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemBias;

    private Bpr(Config config, int users, int items, float[] userFactors, float[] itemFactors, float[] itemBias) {
        this.config = config;
        this.users = users;
        this.items = items;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemBias = itemBias;
    }

    /** Trains on the interactions (values ignored: every stored pair is a positive). */
    public static Bpr fit(Interactions data, Config config) {
        int k = config.factors();
        float[] w = DenseVectors.gaussian(data.users(), k, 0.1, config.seed());
        float[] h = DenseVectors.gaussian(data.items(), k, 0.1, config.seed() + 1);
        float[] b = new float[data.items()];
        SplittableRandom random = new SplittableRandom(config.seed() + 2);
        int n = data.size();
        int[] rowOf = new int[n];
        for (int u = 0; u < data.users(); u++) {
            for (int p = data.userStart[u]; p < data.userStart[u + 1]; p++) {
                rowOf[p] = u;
            }
        }
        float lr = (float) config.learningRate();
        float reg = (float) config.regularization();
        float[] wu = new float[k];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int s = 0; s < n; s++) {
                int pos = random.nextInt(n);
                int u = rowOf[pos];
                int i = data.userItems[pos];
                if (data.userDegree(u) >= data.items()) {
                    continue;
                }
                int j;
                do {
                    j = random.nextInt(data.items());
                } while (data.contains(u, j));
                int uo = u * k;
                int io = i * k;
                int jo = j * k;
                float x = b[i] - b[j];
                for (int f = 0; f < k; f++) {
                    x += w[uo + f] * (h[io + f] - h[jo + f]);
                }
                float g = (float) (1 / (1 + Math.exp(x)));
                b[i] += lr * (g - reg * b[i]);
                b[j] += lr * (-g - reg * b[j]);
                System.arraycopy(w, uo, wu, 0, k);
                for (int f = 0; f < k; f++) {
                    w[uo + f] += lr * (g * (h[io + f] - h[jo + f]) - reg * w[uo + f]);
                    h[io + f] += lr * (g * wu[f] - reg * h[io + f]);
                    h[jo + f] += lr * (-g * wu[f] - reg * h[jo + f]);
                }
            }
        }
        return new Bpr(config, data.users(), data.items(), w, h, b);
    }

    @Override
    public float[] score(int user) {
        float[] s = DenseVectors.multiply(itemFactors, items, config.factors(), userFactors, user * config.factors());
        for (int i = 0; i < items; i++) {
            s[i] += itemBias[i];
        }
        return s;
    }

    /** An ad-hoc user is the mean of their items' factors (no re-training); the item bias is kept. */
    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        int k = config.factors();
        float[] v = new float[k];
        for (int item : itemIds) {
            DenseVectors.axpy(1f / Math.max(itemIds.length, 1), itemFactors, item * k, v, 0, k);
        }
        float[] s = DenseVectors.multiply(itemFactors, items, k, v, 0);
        for (int i = 0; i < items; i++) {
            s[i] += itemBias[i];
        }
        return s;
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
        out.writeDouble(config.learningRate());
        out.writeDouble(config.regularization());
        out.writeInt(config.epochs());
        out.writeLong(config.seed());
        out.writeInt(users);
        out.writeInt(items);
        PrimitiveArrays.writeFloats(out, userFactors);
        PrimitiveArrays.writeFloats(out, itemFactors);
        PrimitiveArrays.writeFloats(out, itemBias);
    }

    static Bpr read(DataInputStream in) throws IOException {
        Config config = new Config(in.readInt(), in.readDouble(), in.readDouble(), in.readInt(), in.readLong());
        int users = in.readInt();
        int items = in.readInt();
        return new Bpr(config, users, items, PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in));
    }
}
