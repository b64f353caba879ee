package dev.aisle.behavior.prediction.model;

import java.util.List;

/**
 * Hit rate (the papers' P@k) and mean reciprocal rank at k over (prefix, target) test cases, the SR-GNN protocol:
 * {@code HR@k = |{t : rank(t) ≤ k}| / N}, {@code MRR@k = Σ_{rank(t) ≤ k} 1 / rank(t) / N}.
 */
public final class PrefixEvaluator {

    private static final int BATCH = 256;

    private PrefixEvaluator() {
    }

    /** One (prefix, target) test case over item indices. */
    public record Case(int[] prefix, int target) {
    }

    /** Result in fractions (0–1). */
    public record Result(double hitRate, double mrr, int cases) {
    }

    /**
     * Evaluates {@code model} on {@code cases}.
     * @param tieRank popularity order that breaks score ties
     * @param excluded item index never recommended (the padding index of 1-based datasets), or -1
     */
    public static Result evaluate(NextItemModel model, List<Case> cases, int k, int[] tieRank, int excluded) {
        double hits = 0;
        double rr = 0;
        int n = model.numItems();
        float[][] scores = new float[Math.min(BATCH, Math.max(1, cases.size()))][n];
        for (int from = 0; from < cases.size(); from += BATCH) {
            int to = Math.min(cases.size(), from + BATCH);
            int[][] prefixes = new int[to - from][];
            float[][] out = new float[to - from][];
            for (int i = from; i < to; i++) {
                prefixes[i - from] = cases.get(i).prefix();
                out[i - from] = scores[i - from];
            }
            model.scoreBatch(prefixes, out);
            for (int i = from; i < to; i++) {
                float[] s = out[i - from];
                if (excluded >= 0) {
                    s[excluded] = Float.NEGATIVE_INFINITY;
                }
                int target = cases.get(i).target();
                int rank = target < n ? Ranking.rankOf(s, target, tieRank) : Integer.MAX_VALUE;
                if (rank <= k) {
                    hits++;
                    rr += 1.0 / rank;
                }
            }
        }
        int total = cases.size();
        return new Result(total == 0 ? 0 : hits / total, total == 0 ? 0 : rr / total, total);
    }
}
