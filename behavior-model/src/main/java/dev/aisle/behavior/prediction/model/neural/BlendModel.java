package dev.aisle.behavior.prediction.model.neural;

import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.NextItemModels;
import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import dev.aisle.behavior.prediction.model.Ranking;
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
    private static final int MAX_TUNING_CASES = 10_000;

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

    /**
     * A blend that chooses {@code λ} on the sessions the recurrent model held out for its own early stopping, so
     * that neither part has trained on the cases that weigh them (0.1 when it holds none out).
     */
    public BlendModel(RecurrentNextItemModel recurrent, boolean recurrentFitted, SessionKnnModel knn) {
        this(recurrent, recurrentFitted, knn, recurrent.config().validationShare() > 0
                ? recurrent.config().validationShare() : 0.1);
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
        if (cases.size() > MAX_TUNING_CASES) {
            List<PrefixEvaluator.Case> thinned = new ArrayList<>(MAX_TUNING_CASES);
            double stride = cases.size() / (double) MAX_TUNING_CASES;
            for (int i = 0; i < MAX_TUNING_CASES; i++) {
                thinned.add(cases.get((int) (i * stride)));
            }
            cases = thinned;
        }
        int[] tieRank = ItemPopularity.of(train, numItems).tieRank();
        knn.fit(train, numItems);
        double[] hits = new double[GRID.length];
        double[] reciprocal = new double[GRID.length];
        float[] rnnScores = new float[numItems];
        float[] knnScores = new float[numItems];
        float[] mixed = new float[numItems];
        for (PrefixEvaluator.Case c : cases) {
            recurrent.score(c.prefix(), rnnScores);
            softmax(rnnScores);
            knn.score(c.prefix(), knnScores);
            normalise(knnScores);
            for (int g = 0; g < GRID.length; g++) {
                float l = (float) GRID[g];
                for (int j = 0; j < numItems; j++) {
                    mixed[j] = l * rnnScores[j] + (1 - l) * knnScores[j];
                }
                int rank = Ranking.rankOf(mixed, c.target(), tieRank);
                if (rank <= 20) {
                    hits[g]++;
                    reciprocal[g] += 1.0 / rank;
                }
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < GRID.length; g++) {
            double hr = hits[g] / cases.size();
            double mrr = reciprocal[g] / cases.size();
            progress.accept(String.format("blend λ=%.1f: validation HR@20 %.2f MRR@20 %.2f (%d cases)", GRID[g],
                    100 * hr, 100 * mrr, cases.size()));
            if (hr + mrr > best) {
                best = hr + mrr;
                tuned.put("lambda", GRID[g]);
                tuned.put("validation_hr@20", Math.round(10_000 * hr) / 100.0);
                tuned.put("validation_mrr@20", Math.round(10_000 * mrr) / 100.0);
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
            normalise(knnScores);
            float l = (float) lambda;
            for (int j = 0; j < s.length; j++) {
                s[j] = l * s[j] + (1 - l) * knnScores[j];
            }
        }
    }

    /** Scales non-negative scores to sum 1 (all zero stays zero). */
    static void normalise(float[] scores) {
        double sum = 0;
        for (float v : scores) {
            sum += v;
        }
        if (sum > 0) {
            for (int j = 0; j < scores.length; j++) {
                scores[j] /= (float) sum;
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
