package dev.aisle.search.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelevanceMetricsTests {

    private final Map<String, Double> grades = Map.of("a", 2.0, "b", 1.0, "c", 0.0);

    @Test
    void scoresTheIdealOrderOne() {
        assertThat(RelevanceMetrics.ndcg(List.of("a", "b", "c"), grades, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void matchesAHandComputedNdcg() {
        // DCG = (2^1-1)/log2(2) + (2^2-1)/log2(3) = 1 + 3/1.58496; IDCG = 3 + 1/1.58496
        double expected = (1 + 3 / 1.5849625007) / (3 + 1 / 1.5849625007);
        assertThat(RelevanceMetrics.ndcg(List.of("b", "a", "c"), grades, 10)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void countsUnjudgedAsIrrelevantUnlessCondensed() {
        List<String> ranked = List.of("x", "a", "b");
        assertThat(RelevanceMetrics.ndcg(ranked, grades, 10)).isLessThan(1.0);
        assertThat(RelevanceMetrics.condensedNdcg(ranked, grades, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void givesTheReciprocalRankOfTheFirstRelevantProduct() {
        assertThat(RelevanceMetrics.reciprocalRank(List.of("c", "x", "b"), grades)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RelevanceMetrics.reciprocalRank(List.of("c"), grades)).isZero();
    }
}
