package dev.aisle.common.metric;

import dev.aisle.common.feature.IntSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed example: ranked {@code [5, 3, 8, 1, 9]}, relevant {@code {3, 9, 7}}, so the relevance pattern is
 * {@code [0, 1, 0, 0, 1]} and one relevant item (7) is never retrieved.
 */
class RankingMetricsTests {

    private static final int[] RANKED = { 5, 3, 8, 1, 9 };

    private static final IntSet RELEVANT = IntSet.of(3, 9, 7);

    @Test
    void computesPrecisionAsHitsOverK() {
        assertThat(RankingMetrics.precisionAtK(RANKED, RELEVANT, 5)).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(RankingMetrics.precisionAtK(RANKED, RELEVANT, 3)).isCloseTo(1.0 / 3, within(1e-12));
        // a list shorter than k counts as padded with misses
        assertThat(RankingMetrics.precisionAtK(RANKED, RELEVANT, 10)).isCloseTo(2.0 / 10, within(1e-12));
    }

    @Test
    void computesRecallAsHitsOverRelevant() {
        assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 5)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingMetrics.recallAtK(RANKED, RELEVANT, 1)).isZero();
    }

    @Test
    void computesHitRate() {
        assertThat(RankingMetrics.hitAtK(RANKED, RELEVANT, 1)).isZero();
        assertThat(RankingMetrics.hitAtK(RANKED, RELEVANT, 2)).isEqualTo(1.0);
    }

    @Test
    void computesBinaryNdcgWithTheIdealCutAtMinOfKAndRelevant() {
        // DCG = 1/log2(3) + 1/log2(6); IDCG = 1 + 1/log2(3) + 1/log2(4)
        assertThat(RankingMetrics.ndcgAtK(RANKED, RELEVANT, 5)).isCloseTo(0.4776237035032179, within(1e-12));
        // k = 2: DCG = 1/log2(3); IDCG = 1 + 1/log2(3)
        double d1 = 1 / (Math.log(3) / Math.log(2));
        assertThat(RankingMetrics.ndcgAtK(RANKED, RELEVANT, 2)).isCloseTo(d1 / (1 + d1), within(1e-12));
    }

    @Test
    void givesPerfectRankingsAnNdcgOfOne() {
        assertThat(RankingMetrics.ndcgAtK(new int[] { 3, 9, 7, 1 }, RELEVANT, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingMetrics.ndcgAtK(new int[] { 3, 9 }, RELEVANT, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void computesGradedNdcgWithExponentialGain() {
        // DCG@3 = (2^2-1)/1 + (2^3-1)/log2(3) + 0; IDCG@3 = 7 + 3/log2(3) + 1/2
        double ndcg = RankingMetrics.gradedNdcgAtK(new double[] { 2, 3, 0, 1 }, new double[] { 3, 2, 1, 0 }, 3);

        assertThat(ndcg).isCloseTo(0.7895959410076381, within(1e-12));
        assertThat(RankingMetrics.gain(3)).isEqualTo(7.0);
        assertThat(RankingMetrics.gradedNdcgAtK(new double[] { 0 }, new double[] { 0, 0 }, 3)).isZero();
    }

    @Test
    void computesAveragePrecisionNormalisedByMinOfKAndRelevant() {
        // hits at ranks 2 and 5: (1/2 + 2/5) / min(5, 3)
        assertThat(RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 5)).isCloseTo(0.9 / 3, within(1e-12));
        // k = 2: (1/2) / min(2, 3)
        assertThat(RankingMetrics.averagePrecisionAtK(RANKED, RELEVANT, 2)).isCloseTo(0.25, within(1e-12));
        assertThat(RankingMetrics.averagePrecisionAtK(new int[] { 3, 9, 7 }, RELEVANT, 3)).isCloseTo(1.0,
                within(1e-12));
    }

    @Test
    void computesReciprocalRankOfTheFirstHit() {
        assertThat(RankingMetrics.reciprocalRank(RANKED, RELEVANT)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRankAtK(RANKED, RELEVANT, 1)).isZero();
        assertThat(RankingMetrics.reciprocalRank(new int[] { 1, 2 }, RELEVANT)).isZero();
        assertThat(RankingMetrics.reciprocalRank(new int[0], RELEVANT)).isZero();
    }

    @Test
    void scoresZeroWithoutRelevantItems() {
        IntSet none = IntSet.of();

        assertThat(RankingMetrics.recallAtK(RANKED, none, 5)).isZero();
        assertThat(RankingMetrics.ndcgAtK(RANKED, none, 5)).isZero();
        assertThat(RankingMetrics.averagePrecisionAtK(RANKED, none, 5)).isZero();
    }

    @Test
    void rejectsNonPositiveK() {
        assertThatIllegalArgumentException().isThrownBy(() -> RankingMetrics.ndcgAtK(RANKED, RELEVANT, 0))
                .withMessageContaining("must be >= 1");
    }
}
