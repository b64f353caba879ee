package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Biased matrix factorisation for explicit ratings (Koren, Bell &amp; Volinsky, "Matrix Factorization Techniques for
 * Recommender Systems", IEEE Computer 2009): {@code r̂_ui = μ + b_u + b_i + q_iᵀp_u}, learned by stochastic gradient
 * descent on {@code Σ (r_ui − r̂_ui)² + λ_b(b_u² + b_i²) + λ(‖p_u‖² + ‖q_i‖²)}, visiting the ratings in a seeded
 * random order each epoch with a geometrically decaying learning rate. Predictions are clipped to the observed
 * rating range.
 */
public final class BiasedMf implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "mf";

    /**
     * Hyperparameters.
     *
     * @param factors latent dimensions (default 100)
     * @param learningRate initial SGD step (default 0.015)
     * @param regularization λ on the factors (default 0.1)
     * @param biasRegularization λ_b on the biases (default 0.005)
     * @param epochs passes over the ratings (default 80)
     * @param decay learning-rate multiplier per epoch (default 0.95)
     * @param seed seed of initialisation and shuffling (default 42)
     */
    public record Config(int factors, double learningRate, double regularization, double biasRegularization,
            int epochs, double decay, long seed) implements ModelConfig {

        public Config {
            Check.positive("factors", factors);
            Check.positive("learningRate", learningRate);
            Check.nonNegative("regularization", regularization);
            Check.nonNegative("biasRegularization", biasRegularization);
            Check.positive("epochs", epochs);
            Check.positive("decay", decay);
        }

        /** The defaults listed on the components. */
        public static Config defaults() {
            return new Config(100, 0.015, 0.1, 0.005, 80, 0.95, 42);
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return BiasedMf.fit(data, this);
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("factors", factors);
            p.put("learning_rate", learningRate);
            p.put("regularization", regularization);
            p.put("bias_regularization", biasRegularization);
            p.put("epochs", epochs);
            p.put("decay", decay);
            p.put("seed", seed);
            return p;
        }
    }

    private final Config config;
    private final int users;
    private final int items;
    private final float mean;
    private final float min;
    private final float max;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;

    private BiasedMf(Config config, int users, int items, float[] stats, float[] userBias, float[] itemBias,
            float[] userFactors, float[] itemFactors) {
        this.config = config;
        this.users = users;
        this.items = items;
        this.mean = stats[0];
        this.min = stats[1];
        this.max = stats[2];
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
    }

    /** Trains on the interactions, whose values are ratings. */
    public static BiasedMf fit(Interactions data, Config config) {
        int k = config.factors();
        int n = data.size();
        int[] rowOf = new int[n];
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int u = 0; u < data.users(); u++) {
            for (int p = data.userStart[u]; p < data.userStart[u + 1]; p++) {
                rowOf[p] = u;
                sum += data.userValues[p];
                min = Math.min(min, data.userValues[p]);
                max = Math.max(max, data.userValues[p]);
            }
        }
        float mu = n == 0 ? 0 : (float) (sum / n);
        float[] pu = DenseVectors.gaussian(data.users(), k, 0.1, config.seed());
        float[] qi = DenseVectors.gaussian(data.items(), k, 0.1, config.seed() + 1);
        float[] bu = new float[data.users()];
        float[] bi = new float[data.items()];
        SplittableRandom random = new SplittableRandom(config.seed() + 2);
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        float lr = (float) config.learningRate();
        float reg = (float) config.regularization();
        float regB = (float) config.biasRegularization();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int p = n - 1; p > 0; p--) {
                int q = random.nextInt(p + 1);
                int t = order[p];
                order[p] = order[q];
                order[q] = t;
            }
            for (int p : order) {
                int u = rowOf[p];
                int i = data.userItems[p];
                int uo = u * k;
                int io = i * k;
                float e = data.userValues[p] - (mu + bu[u] + bi[i] + DenseVectors.dot(pu, uo, qi, io, k));
                bu[u] += lr * (e - regB * bu[u]);
                bi[i] += lr * (e - regB * bi[i]);
                for (int f = 0; f < k; f++) {
                    float puf = pu[uo + f];
                    pu[uo + f] += lr * (e * qi[io + f] - reg * puf);
                    qi[io + f] += lr * (e * puf - reg * qi[io + f]);
                }
            }
            lr *= (float) config.decay();
        }
        return new BiasedMf(config, data.users(), data.items(), new float[] {mu, min, max}, bu, bi, pu, qi);
    }

    /** Predicted rating; a user or item unseen in training contributes no bias and no factors. */
    public float predict(int user, int item) {
        int k = config.factors();
        boolean knownUser = user >= 0 && user < users;
        boolean knownItem = item >= 0 && item < items;
        float r = mean + (knownUser ? userBias[user] : 0) + (knownItem ? itemBias[item] : 0);
        if (knownUser && knownItem) {
            r += DenseVectors.dot(userFactors, user * k, itemFactors, item * k, k);
        }
        return Math.max(min, Math.min(max, r));
    }

    @Override
    public float[] score(int user) {
        float[] s = new float[items];
        for (int i = 0; i < items; i++) {
            s[i] = predict(user, i);
        }
        return s;
    }

    /** An ad-hoc user gets the item-bias ranking (no fold-in for explicit ratings). */
    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        float[] s = new float[items];
        for (int i = 0; i < items; i++) {
            s[i] = mean + itemBias[i];
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
        out.writeDouble(config.biasRegularization());
        out.writeInt(config.epochs());
        out.writeDouble(config.decay());
        out.writeLong(config.seed());
        out.writeInt(users);
        out.writeInt(items);
        PrimitiveArrays.writeFloats(out, new float[] {mean, min, max});
        PrimitiveArrays.writeFloats(out, userBias);
        PrimitiveArrays.writeFloats(out, itemBias);
        PrimitiveArrays.writeFloats(out, userFactors);
        PrimitiveArrays.writeFloats(out, itemFactors);
    }

    static BiasedMf read(DataInputStream in) throws IOException {
        Config config = new Config(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(),
                in.readDouble(), in.readLong());
        int users = in.readInt();
        int items = in.readInt();
        return new BiasedMf(config, users, items, PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in),
                PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in));
    }
}
