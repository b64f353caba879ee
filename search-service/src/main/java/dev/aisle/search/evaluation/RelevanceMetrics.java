package dev.aisle.search.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Graded ranking metrics of one ranked list (Järvelin &amp; Kekäläinen, "Cumulated gain-based evaluation of IR
 * techniques", TOIS 2002): {@code DCG@k = Σ_{i≤k} (2^rel_i − 1) / log2(i + 1)}, {@code NDCG@k = DCG@k / IDCG@k}
 * where the ideal ranking sorts every judged product by grade; unjudged products have {@code rel = 0}.
 */
final class RelevanceMetrics {

    private RelevanceMetrics() {
    }

    static double ndcg(List<String> ranked, Map<String, Double> grades, int k) {
        double ideal = dcg(grades.values().stream().sorted((a, b) -> Double.compare(b, a)).toList(), k);
        if (ideal <= 0) {
            return 0;
        }
        return dcg(ranked.stream().map(id -> grades.getOrDefault(id, 0.0)).toList(), k) / ideal;
    }

    /** NDCG@k after dropping unjudged products from the ranking ("condensed" list, Sakai 2007). */
    static double condensedNdcg(List<String> ranked, Map<String, Double> grades, int k) {
        return ndcg(ranked.stream().filter(grades::containsKey).toList(), grades, k);
    }

    /** 1 / rank of the first product with a grade above the minimum, 0 when none is ranked. */
    static double reciprocalRank(List<String> ranked, Map<String, Double> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0.0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double dcg(List<Double> rels, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, rels.size()); i++) {
            sum += (Math.pow(2, rels.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
