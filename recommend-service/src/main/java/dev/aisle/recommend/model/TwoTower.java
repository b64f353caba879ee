package dev.aisle.recommend.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.aisle.common.codec.PrimitiveArrays;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A two-tower neural recommender trained through DJL's PyTorch engine (Covington, Adams &amp; Sargin, "Deep Neural
 * Networks for YouTube Recommendations", RecSys 2016; Yi et al., "Sampling-Bias-Corrected Neural Modeling for Large
 * Corpus Item Recommendations", RecSys 2019). The user tower adds an optional user-id embedding and the mean of the
 * user's history items' context embeddings, {@code u = E_user[u] + (1/|H|) Σ_{h∈H} E_ctx[h]}; the item tower adds an item-id
 * embedding and the mean of the item's hashed text-token embeddings, {@code v = E_item[i] + (1/|T|) Σ_{t∈T}
 * E_tok[hash(t)]}; the score is {@code u·v}. Training minimises {@link SampledSoftmaxLoss} with Adam over every
 * observed (user, item) pair, the pair's own item left out of the sampled history; optionally it stops early,
 * keeping the weights of the epoch with the best NDCG@10 on a small slice carved from the training data
 * ({@link EarlyStopping}).
 *
 * <p>After training both towers are exported as plain float matrices, so scoring is a dot product per item as for
 * {@link ImplicitAls} and needs no engine; a user unknown at training time is scored from the history mean alone.
 * The DJL parameters are kept in the saved model as well ({@link #network(NDManager)} restores them).
 */
public final class TwoTower implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "two-tower";

    /**
     * Hyperparameters.
     *
     * @param factors embedding dimensions (default 64)
     * @param epochs passes over the observed pairs (default 20; validation NDCG still rose slowly at 20)
     * @param batchSize pairs per Adam step (default 1024: large batches keep the engine's per-call overhead small)
     * @param learningRate Adam step size (default 0.01)
     * @param regularization λ of the L2 term on the batch's user and positive-item vectors (default 0.03)
     * @param negatives candidate items per step: all items when the catalogue has at most this many, else a uniform
     *     sample of this many (default 4096)
     * @param historyItems history items sampled per training pair for the user tower; 0 = user id only (default 32)
     * @param userIds whether the user tower has a user-id embedding (default false: on a validation slice of
     *     MovieLens-100k's training split it overfits within a few epochs, and without it a known user, a folded-in
     *     user and an anonymous session are scored the same way)
     * @param tokenBuckets hashed text-token embeddings; 0 = ignore item text (default 16384)
     * @param tokensPerItem text tokens kept per item (default 16)
     * @param threads the engine's intra-op threads, set when the engine first loads (default 2)
     * @param device {@code cpu} or {@code gpu}; gpu falls back to cpu when the engine sees no GPU (default cpu)
     * @param seed seed of the initialisation, shuffling and sampling (default 42)
     * @param validationUsers users who each lend one training item to an early-stopping slice; 0 = train all
     *     {@code epochs} (default 0: with 1000 users and patience 3 it stopped MovieLens-100k at epoch 4, NDCG@10
     *     .385 against .449 after 20 epochs; it helps on sparse data such as Amazon Beauty, see BENCHMARKS.md)
     * @param patience epochs without a better NDCG@10 on that slice before training stops; the best epoch's weights
     *     are kept (default 3)
     */
    public record Config(int factors, int epochs, int batchSize, double learningRate, double regularization,
            int negatives, int historyItems, boolean userIds, int tokenBuckets, int tokensPerItem, int threads,
            String device, long seed, int validationUsers, int patience) implements ModelConfig {

        public Config {
            Check.positive("factors", factors);
            Check.positive("epochs", epochs);
            Check.positive("batchSize", batchSize);
            Check.positive("learningRate", learningRate);
            Check.nonNegative("regularization", regularization);
            Check.positive("negatives", negatives);
            Check.nonNegative("historyItems", historyItems);
            Check.nonNegative("tokenBuckets", tokenBuckets);
            Check.positive("tokensPerItem", tokensPerItem);
            Check.positive("threads", threads);
            Check.nonNegative("validationUsers", validationUsers);
            Check.positive("patience", patience);
            if (!userIds && historyItems == 0) {
                throw new IllegalArgumentException("illegal user tower: needs userIds or historyItems > 0");
            }
            if (!"cpu".equals(device) && !"gpu".equals(device)) {
                throw new IllegalArgumentException("illegal device '" + device + "', must be cpu or gpu");
            }
        }

        /** The defaults listed on the components. */
        public static Config defaults() {
            return new Config(64, 20, 1024, 0.01, 0.03, 4096, 32, false, 16384, 16, 2, "cpu", 42, 0, 3);
        }

        /** The same hyperparameters with another seed. */
        public Config withSeed(long newSeed) {
            return new Config(factors, epochs, batchSize, learningRate, regularization, negatives, historyItems,
                    userIds, tokenBuckets, tokensPerItem, threads, device, newSeed, validationUsers, patience);
        }

        /** The same hyperparameters with another early-stopping slice size (0 = none). */
        public Config withValidationUsers(int users) {
            return new Config(factors, epochs, batchSize, learningRate, regularization, negatives, historyItems,
                    userIds, tokenBuckets, tokensPerItem, threads, device, seed, users, patience);
        }

        /** A configuration that trains with the items' text tokens (one list per item index; null = no text). */
        public ModelConfig withItemText(List<List<String>> tokens) {
            Config config = this;
            return new ModelConfig() {
                @Override
                public String algorithm() {
                    return NAME;
                }

                @Override
                public Recommender fit(Interactions data) {
                    return TwoTower.fit(data, tokens, config);
                }

                @Override
                public Map<String, Object> params() {
                    return config.params();
                }
            };
        }

        @Override
        public String algorithm() {
            return NAME;
        }

        @Override
        public Recommender fit(Interactions data) {
            return TwoTower.fit(data, null, this);
        }

        @Override
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("factors", factors);
            p.put("epochs", epochs);
            p.put("batch_size", batchSize);
            p.put("learning_rate", learningRate);
            p.put("regularization", regularization);
            p.put("negatives", negatives);
            p.put("history_items", historyItems);
            p.put("user_ids", userIds);
            p.put("token_buckets", tokenBuckets);
            p.put("tokens_per_item", tokensPerItem);
            p.put("device", device);
            p.put("seed", seed);
            p.put("validation_users", validationUsers);
            p.put("patience", patience);
            return p;
        }
    }

    private final Config config;
    private final int users;
    private final int items;
    private final boolean text;
    private final float[] userVectors;
    private final float[] itemVectors;
    private final float[] contextVectors;
    private final byte[] parameters;
    private final int epochsTrained;

    private TwoTower(Config config, int users, int items, boolean text, float[] userVectors, float[] itemVectors,
            float[] contextVectors, byte[] parameters, int epochsTrained) {
        this.config = config;
        this.users = users;
        this.items = items;
        this.text = text;
        this.userVectors = userVectors;
        this.itemVectors = itemVectors;
        this.contextVectors = contextVectors;
        this.parameters = parameters;
        this.epochsTrained = epochsTrained;
    }

    /**
     * Trains on the interactions (every stored pair is a positive; values are not used).
     *
     * @param itemTokens normalised text tokens per item index, or null when the items have no text
     */
    public static TwoTower fit(Interactions data, List<List<String>> itemTokens, Config config) {
        return fit(data, itemTokens, config, (epoch, model) -> { });
    }

    /** Receives each finished epoch (1-based) and a supplier of the model as it stands (exported on demand). */
    @FunctionalInterface
    public interface EpochListener {

        void epochDone(int epoch, Supplier<TwoTower> model);
    }

    /** Trains as {@link #fit(Interactions, List, Config)}, reporting each epoch to {@code listener}. */
    public static TwoTower fit(Interactions data, List<List<String>> itemTokens, Config config,
            EpochListener listener) {
        ItemText tokens = ItemText.hash(itemTokens, data.items(), config.tokenBuckets(), config.tokensPerItem());
        Engine engine = TwoTowerTraining.engine(config.threads());
        engine.setRandomSeed((int) config.seed());
        Device device = "gpu".equals(config.device()) && engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        TwoTowerNetwork network = new TwoTowerNetwork(data.users(), data.items(), tokens.buckets(),
                config.factors(), config.userIds(), config.historyItems() > 0, config.seed());
        try (Model model = Model.newInstance(NAME, device, engine.getEngineName())) {
            model.setBlock(network);
            DefaultTrainingConfig training = new DefaultTrainingConfig(
                    new SampledSoftmaxLoss((float) config.regularization()))
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(new Shape(1), new Shape(1, 1), new Shape(1, 1), new Shape(2), new Shape(2, 1),
                        new Shape(2, 1));
                EarlyStopping stopping = EarlyStopping.carve(data, config.validationUsers(), config.seed());
                Interactions fitData = stopping.train();
                TwoTowerTraining batches = new TwoTowerTraining(fitData, tokens, config);
                Snapshot best = null;
                double bestNdcg = Double.NEGATIVE_INFINITY;
                int bestEpoch = 0;
                for (int epoch = 1; epoch <= config.epochs() && epoch - bestEpoch <= config.patience(); epoch++) {
                    for (int[] batch : batches.epoch()) {
                        try (NDManager manager = trainer.getManager().newSubManager()) {
                            NDList[] inputsAndLabels = batches.arrays(manager, batch);
                            try (GradientCollector gradients = trainer.newGradientCollector()) {
                                NDList out = trainer.forward(inputsAndLabels[0]);
                                gradients.backward(trainer.getLoss().evaluate(inputsAndLabels[1], out));
                            }
                            trainer.step();
                        }
                    }
                    Snapshot snapshot = Snapshot.of(network);
                    TwoTower current = export(snapshot, fitData, tokens, config, epoch);
                    double ndcg = stopping.isEmpty() ? epoch : stopping.ndcg(current);
                    if (ndcg > bestNdcg) {
                        best = snapshot;
                        bestNdcg = ndcg;
                        bestEpoch = epoch;
                    }
                    listener.epochDone(epoch, () -> current);
                }
                return export(best == null ? Snapshot.of(network) : best, data, tokens, config, bestEpoch);
            }
        }
    }

    /** The network's tables and DJL parameters at one moment of training. */
    private record Snapshot(float[] user, float[] item, float[] context, float[] token, byte[] parameters) {

        static Snapshot of(TwoTowerNetwork network) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                network.saveParameters(new DataOutputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Snapshot(network.values(TwoTowerNetwork.USER), network.values(TwoTowerNetwork.ITEM),
                    network.values(TwoTowerNetwork.CONTEXT), network.values(TwoTowerNetwork.TOKEN),
                    bytes.toByteArray());
        }
    }

    /** The serving model: item vectors, and user vectors from the tables and each user's history in {@code data}. */
    private static TwoTower export(Snapshot tables, Interactions data, ItemText tokens, Config config, int epochs) {
        int k = config.factors();
        float[] itemVectors = itemVectors(tables.item().clone(), tables.token(), tokens, data.items(), k);
        float[] userVectors = new float[data.users() * k];
        for (int u = 0; u < data.users(); u++) {
            if (tables.user() != null) {
                System.arraycopy(tables.user(), u * k, userVectors, u * k, k);
            }
            if (tables.context() != null) {
                addMean(tables.context(), k, data.userItems, data.userStart[u], data.userStart[u + 1], userVectors,
                        u * k);
            }
        }
        return new TwoTower(config, data.users(), data.items(), tokens.buckets() > 0, userVectors, itemVectors,
                tables.context() == null ? new float[0] : tables.context(), tables.parameters(), epochs);
    }

    /** {@code v_i = E_item[i] + Σ_t w_t E_tok[t]} for every item, from a network's parameters. */
    static float[] itemVectors(TwoTowerNetwork network, ItemText tokens, int items, int k) {
        return itemVectors(network.values(TwoTowerNetwork.ITEM), network.values(TwoTowerNetwork.TOKEN), tokens,
                items, k);
    }

    /** Adds the items' token means to {@code vectors} (the item-id table, changed in place) and returns it. */
    private static float[] itemVectors(float[] vectors, float[] tokenTable, ItemText tokens, int items, int k) {
        if (tokenTable != null) {
            int t = tokens.perItem();
            for (int i = 0; i < items; i++) {
                for (int p = i * t; p < (i + 1) * t; p++) {
                    if (tokens.weights()[p] != 0) {
                        DenseVectors.axpy(tokens.weights()[p], tokenTable, tokens.buckets(p) * k, vectors, i * k, k);
                    }
                }
            }
        }
        return vectors;
    }

    private static void addMean(float[] table, int k, int[] rows, int from, int to, float[] out, int outOff) {
        if (to > from) {
            float w = 1f / (to - from);
            for (int p = from; p < to; p++) {
                DenseVectors.axpy(w, table, rows[p] * k, out, outOff, k);
            }
        }
    }

    /** A fresh network holding the trained DJL parameters (for inspection or further training). */
    TwoTowerNetwork network(NDManager manager) throws IOException {
        TwoTowerNetwork network = new TwoTowerNetwork(users, items, text ? config.tokenBuckets() : 0,
                config.factors(), config.userIds(), config.historyItems() > 0, config.seed());
        try {
            network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("unreadable two-tower parameters: " + e.getMessage(), e);
        }
        return network;
    }

    @Override
    public float[] score(int user) {
        return DenseVectors.multiply(itemVectors, items, config.factors(), userVectors, user * config.factors());
    }

    /**
     * Scores for a user known only by items: the user tower without the id embedding, i.e. the mean of the items'
     * context embeddings (the mean of their item vectors when the model has no history tower).
     */
    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        int k = config.factors();
        float[] user = new float[k];
        float[] table = contextVectors.length > 0 ? contextVectors : itemVectors;
        addMean(table, k, itemIds, 0, itemIds.length, user, 0);
        return DenseVectors.multiply(itemVectors, items, k, user, 0);
    }

    @Override
    public float[] similarItems(int item) {
        return FactorSimilarity.cosine(itemVectors, items, config.factors(), item);
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    /** The configuration's hyperparameters plus {@code epochs_trained}, the epoch whose weights were kept. */
    @Override
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>(config.params());
        p.put("epochs_trained", epochsTrained);
        return p;
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
        out.writeInt(config.epochs());
        out.writeInt(config.batchSize());
        out.writeDouble(config.learningRate());
        out.writeDouble(config.regularization());
        out.writeInt(config.negatives());
        out.writeInt(config.historyItems());
        out.writeBoolean(config.userIds());
        out.writeInt(config.tokenBuckets());
        out.writeInt(config.tokensPerItem());
        out.writeInt(config.threads());
        out.writeUTF(config.device());
        out.writeLong(config.seed());
        out.writeInt(config.validationUsers());
        out.writeInt(config.patience());
        out.writeInt(epochsTrained);
        out.writeInt(users);
        out.writeInt(items);
        out.writeBoolean(text);
        PrimitiveArrays.writeFloats(out, userVectors);
        PrimitiveArrays.writeFloats(out, itemVectors);
        PrimitiveArrays.writeFloats(out, contextVectors);
        out.writeInt(parameters.length);
        out.write(parameters);
    }

    static TwoTower read(DataInputStream in) throws IOException {
        Config config = new Config(in.readInt(), in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
                in.readInt(), in.readInt(), in.readBoolean(), in.readInt(), in.readInt(), in.readInt(), in.readUTF(),
                in.readLong(), in.readInt(), in.readInt());
        int epochsTrained = in.readInt();
        int users = in.readInt();
        int items = in.readInt();
        boolean text = in.readBoolean();
        float[] userVectors = PrimitiveArrays.readFloats(in);
        float[] itemVectors = PrimitiveArrays.readFloats(in);
        float[] context = PrimitiveArrays.readFloats(in);
        byte[] parameters = new byte[in.readInt()];
        in.readFully(parameters);
        return new TwoTower(config, users, items, text, userVectors, itemVectors, context, parameters, epochsTrained);
    }

    /**
     * Item text as hashed token buckets: per item up to {@code perItem} distinct tokens, each weighted
     * {@code 1/count} (zero-weight padding), so the tower sums to a mean.
     */
    record ItemText(int buckets, int perItem, long[] bucketOf, float[] weights) {

        int buckets(int position) {
            return (int) bucketOf[position];
        }

        static ItemText hash(List<List<String>> tokens, int items, int buckets, int perItem) {
            boolean any = buckets > 0 && tokens != null && tokens.stream().anyMatch(t -> t != null && !t.isEmpty());
            if (!any) {
                return new ItemText(0, 0, new long[0], new float[0]);
            }
            if (tokens.size() != items) {
                throw new IllegalArgumentException("illegal item text lists " + tokens.size() + ", must be " + items);
            }
            long[] bucketOf = new long[items * perItem];
            float[] weights = new float[items * perItem];
            for (int i = 0; i < items; i++) {
                List<String> distinct = tokens.get(i) == null ? List.of()
                        : tokens.get(i).stream().distinct().limit(perItem).toList();
                for (int n = 0; n < distinct.size(); n++) {
                    bucketOf[i * perItem + n] = Math.floorMod(mix(distinct.get(n).hashCode()), buckets);
                    weights[i * perItem + n] = 1f / distinct.size();
                }
            }
            return new ItemText(buckets, perItem, bucketOf, weights);
        }

        /** MurmurHash3's 32-bit finaliser, so similar strings spread over the buckets. */
        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            return h ^ (h >>> 16);
        }
    }
}
