package dev.aisle.behavior.prediction.model.neural;

import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.NextItemModels;
import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import dev.aisle.behavior.prediction.model.baseline.SessionKnnModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Linear blend of a recurrent model and V-SKNN, {@code score(i) = λ softmax(rnn)_i + (1 - λ) sknn_i / Σ_j sknn_j},
 * with {@code λ} chosen on the last training sessions (by order) while V-SKNN sees only the sessions before them.
 */
public final class BlendModel implements NextItemModel {

    private static final double[] GRID = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    private final RecurrentNextItemModel recurrent;
    private final SessionKnnModel knn;
    private final double validationShare;
    private final boolean recurrentFitted;
    private double lambda;
    private final Map<String, Object> tuned = new LinkedHashMap<>();
    private Consumer<String> progress = line -> { };

    /**
     * @param recurrent the recurrent part; fitted here unless {@code recurrentFitted}
     * @param knn the V-SKNN part (unfitted)
     * @param validationShare share of the last sessions used to choose {@code λ}, in (0, 1)
     */
    public BlendModel(RecurrentNextItemModel recurrent, boolean recurrentFitted, SessionKnnModel knn,
            double validationShare) {
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException(
                    "illegal validationShare value: " + validationShare + ", must be in (0, 1)");
        }
        this.recurrent = recurrent;
        this.recurrentFitted = recurrentFitted;
        this.knn = knn;
        this.validationShare = validationShare;
    }

    /** Receives one line per tried {@code λ}. */
    public BlendModel onProgress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    @Override
    public String name() {
        return "blend";
    }

    @Override
    public void fit(List<int[]> sessions, int numItems) {
        if (!recurrentFitted) {
            recurrent.fit(sessions, numItems);
        }
        int validationSessions = Math.max(1, (int) (sessions.size() * validationShare));
        List<int[]> train = sessions.subList(0, sessions.size() - validationSessions);
        List<PrefixEvaluator.Case> cases = new ArrayList<>();
        for (int[] s : sessions.subList(train.size(), sessions.size())) {
            for (int j = 1; j < s.length; j++) {
                cases.add(new PrefixEvaluator.Case(Arrays.copyOf(s, j), s[j]));
            }
        }
        int[] tieRank = ItemPopularity.of(train, numItems).tieRank();
        knn.fit(train, numItems);
        double best = Double.NEGATIVE_INFINITY;
        for (double candidate : GRID) {
            lambda = candidate;
            PrefixEvaluator.Result r = PrefixEvaluator.evaluate(this, cases, 20, tieRank, -1);
            progress.accept(String.format("blend λ=%.1f: validation HR@20 %.2f MRR@20 %.2f", candidate,
                    100 * r.hitRate(), 100 * r.mrr()));
            if (r.hitRate() + r.mrr() > best) {
                best = r.hitRate() + r.mrr();
                tuned.put("lambda", candidate);
                tuned.put("validation_hr@20", 100 * r.hitRate());
                tuned.put("validation_mrr@20", 100 * r.mrr());
            }
        }
        lambda = (double) tuned.get("lambda");
        knn.fit(sessions, numItems);
    }

    @Override
    public void score(int[] prefix, float[] scores) {
        scoreBatch(new int[][] {prefix}, new float[][] {scores});
    }

    @Override
    public void scoreBatch(int[][] prefixes, float[][] scores) {
        recurrent.scoreBatch(prefixes, scores);
        float[] knnScores = new float[numItems()];
        for (int i = 0; i < prefixes.length; i++) {
            float[] s = scores[i];
            softmax(s);
            knn.score(prefixes[i], knnScores);
            double sum = 0;
            for (float v : knnScores) {
                sum += v;
            }
            float l = (float) lambda;
            float k = sum > 0 ? (float) ((1 - lambda) / sum) : 0f;
            for (int j = 0; j < s.length; j++) {
                s[j] = l * s[j] + k * knnScores[j];
            }
        }
    }

    static void softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < logits.length; j++) {
            logits[j] = (float) Math.exp(logits[j] - max);
            sum += logits[j];
        }
        for (int j = 0; j < logits.length; j++) {
            logits[j] /= (float) sum;
        }
    }

    /** The blend weight of the recurrent model. */
    public double lambda() {
        return lambda;
    }

    @Override
    public int numItems() {
        return recurrent.numItems();
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("recurrent", recurrent.name());
        p.put("knn", knn.params());
        p.putAll(tuned);
        return p;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(validationShare);
        out.writeDouble(lambda);
        NextItemModels.write(recurrent, out);
        NextItemModels.write(knn, out);
    }

    /** Restores a model written by {@link #write}. */
    public static BlendModel read(DataInputStream in) throws IOException {
        double share = in.readDouble();
        double lambda = in.readDouble();
        BlendModel model = new BlendModel((RecurrentNextItemModel) NextItemModels.read(in), true,
                (SessionKnnModel) NextItemModels.read(in), share);
        model.lambda = lambda;
        model.tuned.put("lambda", lambda);
        return model;
    }
}
