package dev.aisle.search.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Per-query metrics of one ranker, averaged on demand. */
final class RankerResult {

    static final int NDCG = 0;
    static final int NDCG_CONDENSED = 1;
    static final int NDCG_5 = 2;
    static final int MRR = 3;

    private final String ranker;
    private final List<double[]> metrics = new ArrayList<>();
    private final List<Double> millis = new ArrayList<>();

    RankerResult(String ranker) {
        this.ranker = ranker;
    }

    /**
     * @param top the top {@code k} products
     * @param deep the ranking continued past {@code k} (condensed NDCG drops unjudged products from it)
     */
    void add(List<String> top, List<String> deep, Map<String, Double> grades, int k, double ms) {
        metrics.add(new double[] {
            RelevanceMetrics.ndcg(top, grades, k),
            RelevanceMetrics.condensedNdcg(deep, grades, k),
            RelevanceMetrics.ndcg(top, grades, 5),
            RelevanceMetrics.reciprocalRank(top, grades),
        });
        millis.add(ms);
    }

    String ranker() {
        return ranker;
    }

    double mean(int metric) {
        return metrics.stream().mapToDouble(m -> m[metric]).average().orElse(0);
    }

    double percentileMs(double p) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return ranker + Arrays.toString(new double[] {mean(NDCG), mean(NDCG_CONDENSED), mean(NDCG_5), mean(MRR)});
    }
}
