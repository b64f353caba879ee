package dev.aisle.search.evaluation;

import dev.aisle.common.metric.RankingMetrics;
import java.util.List;
import java.util.Map;

/**
 * Graded metrics of one ranked list of product ids, on top of common-model's {@link RankingMetrics}: NDCG@k with
 * gain {@code 2^rel − 1} (unjudged products count {@code rel = 0}), condensed NDCG@k (unjudged products removed
 * from the ranking first; Sakai, SIGIR 2007) and the reciprocal rank of the first product with {@code rel > 0}.
 */
final class RelevanceMetrics {

    private RelevanceMetrics() {
    }

    static double ndcg(List<String> ranked, Map<String, Double> grades, int k) {
        double[] inOrder = ranked.stream().mapToDouble(id -> grades.getOrDefault(id, 0.0)).toArray();
        double[] all = grades.values().stream().mapToDouble(Double::doubleValue).toArray();
        return RankingMetrics.gradedNdcgAtK(inOrder, all, k);
    }

    static double condensedNdcg(List<String> ranked, Map<String, Double> grades, int k) {
        return ndcg(ranked.stream().filter(grades::containsKey).toList(), grades, k);
    }

    static double reciprocalRank(List<String> ranked, Map<String, Double> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0.0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }
}
