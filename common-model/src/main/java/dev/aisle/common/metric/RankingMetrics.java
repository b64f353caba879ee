package dev.aisle.common.metric;

import java.util.Arrays;

import dev.aisle.common.feature.IntSet;

/**
 * Top-K ranking metrics with binary relevance (and graded nDCG), as used by Microsoft Recommenders and RecBole.
 *
 * <p>{@code ranked} lists item indices best first and is assumed free of duplicates; only its first {@code k}
 * entries count, and a list shorter than {@code k} counts as if padded with irrelevant items. {@code rel(i)} is 1
 * when {@code ranked[i]} is in {@code relevant}. Ranks {@code i} are 0-based in the formulas. With an empty
 * relevant set every metric is 0; evaluation loops usually skip such users.
 */
public final class RankingMetrics {

    private static final double LN2 = Math.log(2);

    private RankingMetrics() {
    }

    /** Precision@k {@code = Σ_{i<k} rel(i) / k}. */
    public static double precisionAtK(int[] ranked, IntSet relevant, int k) {
        checkK(k);
        return hits(ranked, relevant, k) / (double) k;
    }

    /** Recall@k {@code = Σ_{i<k} rel(i) / |relevant|}. */
    public static double recallAtK(int[] ranked, IntSet relevant, int k) {
        checkK(k);
        return relevant.isEmpty() ? 0.0 : hits(ranked, relevant, k) / (double) relevant.size();
    }

    /** Hit rate@k: 1 when any of the first {@code k} is relevant, else 0. */
    public static double hitAtK(int[] ranked, IntSet relevant, int k) {
        checkK(k);
        return hits(ranked, relevant, k) > 0 ? 1.0 : 0.0;
    }

    /**
     * Binary nDCG@k {@code = DCG / IDCG} with {@code DCG = Σ_{i<k} rel(i) / log2(i + 2)} and
     * {@code IDCG = Σ_{i < min(k, |relevant|)} 1 / log2(i + 2)}.
     */
    public static double ndcgAtK(int[] ranked, IntSet relevant, int k) {
        checkK(k);
        if (relevant.isEmpty()) {
            return 0.0;
        }
        double dcg = 0.0;
        for (int i = 0, n = Math.min(k, ranked.length); i < n; i++) {
            if (relevant.contains(ranked[i])) {
                dcg += discount(i);
            }
        }
        double idcg = 0.0;
        for (int i = 0, n = Math.min(k, relevant.size()); i < n; i++) {
            idcg += discount(i);
        }
        return dcg / idcg;
    }

    /**
     * Graded nDCG@k (Järvelin &amp; Kekäläinen 2002, exponential gain as in Burges et al. 2005):
     * {@code DCG = Σ_{i<k} gain(rel_i) / log2(i + 2)} with {@link #gain(double) gain(r) = 2^r − 1}; IDCG is the
     * DCG of {@code allRelevances} sorted descending. Both arrays hold relevance grades, not gains.
     *
     * @param relevanceInRankedOrder grade of each returned item in ranked order (0 for unjudged items)
     * @param allRelevances          grades of every judged item of the query (defines the ideal ranking)
     * @return nDCG in [0, 1]; 0 when the ideal DCG is 0
     */
    public static double gradedNdcgAtK(double[] relevanceInRankedOrder, double[] allRelevances, int k) {
        checkK(k);
        double dcg = 0.0;
        for (int i = 0, n = Math.min(k, relevanceInRankedOrder.length); i < n; i++) {
            dcg += gain(relevanceInRankedOrder[i]) * discount(i);
        }
        double[] ideal = allRelevances.clone();
        Arrays.sort(ideal);
        double idcg = 0.0;
        for (int i = 0, n = Math.min(k, ideal.length); i < n; i++) {
            idcg += gain(ideal[ideal.length - 1 - i]) * discount(i);
        }
        return idcg <= 0.0 ? 0.0 : dcg / idcg;
    }

    /** Exponential gain {@code 2^rel − 1}. */
    public static double gain(double rel) {
        return Math.pow(2.0, rel) - 1.0;
    }

    /**
     * Average precision@k {@code = Σ_{i<k} rel(i) · P@(i+1) / min(k, |relevant|)}, the per-user term of MAP@k.
     */
    public static double averagePrecisionAtK(int[] ranked, IntSet relevant, int k) {
        checkK(k);
        if (relevant.isEmpty()) {
            return 0.0;
        }
        double sum = 0.0;
        int hits = 0;
        for (int i = 0, n = Math.min(k, ranked.length); i < n; i++) {
            if (relevant.contains(ranked[i])) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / Math.min(k, relevant.size());
    }

    /** Reciprocal rank {@code = 1 / (i + 1)} for the first relevant position {@code i} in the whole list, else 0. */
    public static double reciprocalRank(int[] ranked, IntSet relevant) {
        return reciprocalRankAtK(ranked, relevant, Math.max(1, ranked.length));
    }

    /** Reciprocal rank counting only the first {@code k} positions (MRR@k's per-query term). */
    public static double reciprocalRankAtK(int[] ranked, IntSet relevant, int k) {
        checkK(k);
        for (int i = 0, n = Math.min(k, ranked.length); i < n; i++) {
            if (relevant.contains(ranked[i])) {
                return 1.0 / (i + 1);
            }
        }
        return 0.0;
    }

    /** Number of relevant items among the first {@code k}. */
    public static int hits(int[] ranked, IntSet relevant, int k) {
        int hits = 0;
        for (int i = 0, n = Math.min(k, ranked.length); i < n; i++) {
            if (relevant.contains(ranked[i])) {
                hits++;
            }
        }
        return hits;
    }

    /** The position discount {@code 1 / log2(i + 2)} for 0-based rank {@code i}. */
    public static double discount(int i) {
        return LN2 / Math.log(i + 2.0);
    }

    private static void checkK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("illegal k " + k + ", must be >= 1");
        }
    }
}
