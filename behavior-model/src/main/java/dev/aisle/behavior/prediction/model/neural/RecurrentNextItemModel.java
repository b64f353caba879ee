package dev.aisle.behavior.prediction.model.neural;

import dev.aisle.common.codec.PrimitiveArrays;
import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Next-item LSTM / GRU in the manner of GRU4Rec (Hidasi et al., ICLR 2016; Hidasi &amp; Karatzoglou, CIKM 2018),
 * back-propagation through time written on ND4J's BLAS: {@code h_t = RNN(e(s_t), h_{t-1})},
 * {@code score(i) = W_i · h_L + b_i}, where by default {@code W = E}, the input embeddings (tied tables). The
 * loss is a sampled softmax over the batch's targets plus popularity-sampled negatives with the logQ correction
 * (Yi et al., RecSys 2019), or the exact cross-entropy over every item ({@link RecurrentConfig#loss}). One
 * sequence per session with per-step targets trains on every prefix; early stopping on the last training sessions
 * (by order) keeps the epoch with the best validation {@code HR@20 + MRR@20}.
 */
public final class RecurrentNextItemModel implements NextItemModel {

    private static final int EVAL_K = 20;
    private static final double SAMPLING_ALPHA = 0.5;

    private final RecurrentConfig config;
    private RecurrentNetwork net;
    private int numItems;
    private Consumer<String> progress = line -> { };
    /** {@link System#nanoTime()} after which no new epoch starts, or {@link Long#MAX_VALUE} for none. */
    private long deadline = Long.MAX_VALUE;
    private final Map<String, Object> trained = new LinkedHashMap<>();

    public RecurrentNextItemModel(RecurrentConfig config) {
        this.config = config;
    }

    /** Receives one line per epoch (and a few within long epochs). */
    public RecurrentNextItemModel onProgress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    /**
     * A wall-clock budget for {@link #fit}: an epoch starts only if one more epoch, as long as the slowest so far,
     * still ends within {@code budget} of now (the epoch budget stays the limit on a fast machine, so the result does
     * not depend on the machine there; a slow one stops sooner and records {@code stopped_by_budget}).
     */
    public RecurrentNextItemModel withTimeBudget(java.time.Duration budget) {
        long nanos = budget.toNanos();
        this.deadline = nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos;
        return this;
    }

    /** The hyperparameters this model trains with. */
    public RecurrentConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.cell();
    }

    @Override
    public void fit(List<int[]> sessions, int numItems) {
        this.numItems = numItems;
        Nd4j.getRandom().setSeed(config.seed());
        int validationSessions = (int) (sessions.size() * config.validationShare());
        List<int[]> train = sessions.subList(0, sessions.size() - validationSessions);
        List<PrefixEvaluator.Case> validation = validationCases(sessions.subList(train.size(), sessions.size()));
        ItemPopularity popularity = ItemPopularity.of(train, numItems);
        net = RecurrentNetwork.random(config, popularity.counts());
        CandidateSampler sampler = new CandidateSampler(popularity.counts(), SAMPLING_ALPHA, config.seed());
        boolean full = config.loss().equals("full");
        SampledSoftmaxStep trainer = new SampledSoftmaxStep(net, config.learningRate(), full,
                config.loss().equals("sampled") ? sampler : null);
        SequenceBatches batches = new SequenceBatches(train, config.batchSize(), config.maxLength(), config.seed());
        double best = Double.NEGATIVE_INFINITY;
        RecurrentNetwork bestWeights = null;
        int stale = 0;
        int epoch = 0;
        long slowest = 0;
        long previousStart = 0;
        while (epoch < config.epochs() && stale <= config.patience()) {
            if (epoch > 0) {
                slowest = Math.max(slowest, System.nanoTime() - previousStart);
            }
            if (epoch > 0 && deadline != Long.MAX_VALUE && System.nanoTime() + slowest > deadline) {
                progress.accept(String.format("%s: time budget reached, stopping after epoch %d", name(), epoch));
                trained.put("stopped_by_budget", true);
                break;
            }
            epoch++;
            long start = System.nanoTime();
            previousStart = start;
            trainer.setLearningRate(rate(epoch));
            double loss = pass(trainer, sampler, batches, String.valueOf(epoch), start);
            double seconds = (System.nanoTime() - start) / 1e9;
            String line = String.format("%s epoch %d: loss %.4f, %.0f s", name(), epoch, loss, seconds);
            if (validation.isEmpty()) {
                progress.accept(line);
                continue;
            }
            PrefixEvaluator.Result r = PrefixEvaluator.evaluate(this, validation, EVAL_K, popularity.tieRank(), -1);
            progress.accept(String.format("%s, validation HR@20 %.2f MRR@20 %.2f", line, 100 * r.hitRate(),
                    100 * r.mrr()));
            double value = r.hitRate() + r.mrr();
            if (value > best) {
                best = value;
                bestWeights = net.copy();
                stale = 0;
                trained.put("best_epoch", epoch);
                trained.put("validation_hr@20", round(100 * r.hitRate()));
                trained.put("validation_mrr@20", round(100 * r.mrr()));
            } else {
                stale++;
            }
        }
        SampledSoftmaxStep.releaseWorkspace();
        if (bestWeights != null && stale > 0) {
            net = bestWeights;
        }
        trained.put("epochs_run", epoch);
    }

    /** {@code learningRate · decay^(epoch-1)}. */
    private double rate(int epoch) {
        return config.learningRate() * Math.pow(config.decay(), epoch - 1);
    }

    /** One shuffled pass over the batches; returns the mean batch loss. */
    private double pass(SampledSoftmaxStep trainer, CandidateSampler sampler, SequenceBatches batches, String label,
            long start) {
        boolean full = config.loss().equals("full");
        List<int[][]> order = batches.shuffled();
        double loss = 0;
        for (int b = 0; b < order.size(); b++) {
            SequenceBatches.Batch batch = SequenceBatches.toBatch(order.get(b), config.maxLength());
            loss += trainer.fit(batch, full ? null : sampler.sample(batch.targets(), config.negatives()));
            if ((b + 1) % Math.max(1, order.size() / 5) == 0 && b + 1 < order.size()) {
                progress.accept(String.format("%s epoch %s: %d%% of %d batches, loss %.4f, %.0f s", name(), label,
                        100 * (b + 1) / order.size(), order.size(), loss / (b + 1),
                        (System.nanoTime() - start) / 1e9));
            }
        }
        trainer.sync();
        return loss / Math.max(1, order.size());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Every prefix of the validation sessions, thinned evenly to at most {@code validationCases}. */
    private List<PrefixEvaluator.Case> validationCases(List<int[]> sessions) {
        List<PrefixEvaluator.Case> all = new ArrayList<>();
        for (int[] s : sessions) {
            for (int j = 1; j < s.length; j++) {
                all.add(new PrefixEvaluator.Case(Arrays.copyOf(s, j), s[j]));
            }
        }
        if (all.size() <= config.validationCases()) {
            return all;
        }
        List<PrefixEvaluator.Case> thinned = new ArrayList<>(config.validationCases());
        double stride = all.size() / (double) config.validationCases();
        for (int i = 0; i < config.validationCases(); i++) {
            thinned.add(all.get((int) (i * stride)));
        }
        return thinned;
    }

    @Override
    public void score(int[] prefix, float[] scores) {
        scoreBatch(new int[][] {prefix}, new float[][] {scores});
    }

    @Override
    public void scoreBatch(int[][] prefixes, float[][] scores) {
        SequenceBatches.Batch batch = SequenceBatches.toPrefixBatch(prefixes, config.maxLength());
        int h = config.hiddenSize();
        float[] all = net.states(batch, RecurrentNetwork.kernel(config));
        float[] last = new float[prefixes.length * h];
        for (int i = 0; i < prefixes.length; i++) {
            System.arraycopy(all, batch.positions()[i] * h, last, i * h, h);
        }
        if (prefixes.length == 1) {
            // the serving path: one session, all on the JVM (latency, no native thread hand-off)
            System.arraycopy(net.tables.scoreOne(last, 0), 0, scores[0], 0, numItems);
            return;
        }
        float[] logits = Matrices.values(net.tables.scoreAll(Matrices.wrap(last, prefixes.length, h)));
        for (int i = 0; i < prefixes.length; i++) {
            System.arraycopy(logits, i * numItems, scores[i], 0, numItems);
        }
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("embedding", config.embeddingSize());
        p.put("hidden", config.hiddenSize());
        p.put("max_epochs", config.epochs());
        p.put("batch", config.batchSize());
        p.put("lr", config.learningRate());
        p.put("max_length", config.maxLength());
        p.put("negatives", config.negatives());
        p.put("validation_share", config.validationShare());
        p.put("seed", config.seed());
        p.put("tied", config.tied());
        p.put("dropout", config.dropout());
        p.put("readout", config.readout());
        p.put("scale", config.scale());
        p.put("decay", config.decay());
        p.put("loss", switch (config.loss()) {
            case "full" -> "full softmax cross-entropy";
            case "sampled" -> "sampled softmax (batch targets + pop^0.5 negatives, logQ-corrected)";
            default -> "sampled softmax (batch targets + pop^0.5 negatives, uncorrected)";
        });
        p.putAll(trained);
        return p;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        RecurrentConfigCodec.write(config, out);
        out.writeInt(numItems);
        PrimitiveArrays.writeFloats(out, net.inputWeights);
        PrimitiveArrays.writeFloats(out, net.recurrentWeights);
        PrimitiveArrays.writeFloats(out, net.inputBias);
        PrimitiveArrays.writeFloats(out, net.tables.embedding);
        PrimitiveArrays.writeFloats(out, net.tables.outputWeights);
        PrimitiveArrays.writeFloats(out, net.tables.outputBias);
        if (net.attention != null) {
            PrimitiveArrays.writeFloats(out, net.attention.query);
            PrimitiveArrays.writeFloats(out, net.attention.key);
            PrimitiveArrays.writeFloats(out, net.attention.bias);
            PrimitiveArrays.writeFloats(out, net.attention.vector);
        }
    }

    /** Restores a model written by {@link #write}. */
    public static RecurrentNextItemModel read(DataInputStream in) throws IOException {
        RecurrentConfig c = RecurrentConfigCodec.read(in);
        RecurrentNextItemModel model = new RecurrentNextItemModel(c);
        model.numItems = in.readInt();
        float[] wx = PrimitiveArrays.readFloats(in);
        float[] u = PrimitiveArrays.readFloats(in);
        float[] b = PrimitiveArrays.readFloats(in);
        float[] embedding = PrimitiveArrays.readFloats(in);
        float[] output = PrimitiveArrays.readFloats(in);
        ItemTables tables = new ItemTables(model.numItems, c.embeddingSize(), c.hiddenSize(), embedding,
                c.tied() ? embedding : output, PrimitiveArrays.readFloats(in));
        AttentionReadout attention = c.readout().equals("attention") ? new AttentionReadout(c.hiddenSize(),
                PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in), PrimitiveArrays.readFloats(in),
                PrimitiveArrays.readFloats(in)) : null;
        model.net = new RecurrentNetwork(c, wx, u, b, tables, attention);
        return model;
    }
}
