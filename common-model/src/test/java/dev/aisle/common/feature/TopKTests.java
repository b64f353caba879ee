package dev.aisle.common.feature;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopKTests {

    @Test
    void selectsTheHighestScoresInDescendingOrder() {
        float[] scores = { 0.1f, 0.9f, 0.5f, 0.7f, 0.3f };

        assertThat(TopK.select(scores, 3)).containsExactly(1, 3, 2);
    }

    @Test
    void returnsFewerWhenFewerAreEligible() {
        float[] scores = { 1f, Float.NaN, 2f };

        assertThat(TopK.select(scores, 5)).containsExactly(2, 0);
        assertThat(TopK.select(scores, 0)).isEmpty();
        assertThat(TopK.select(new float[0], 3)).isEmpty();
    }

    @Test
    void skipsExcludedIndicesAndNaN() {
        float[] scores = { 5f, Float.NaN, 4f, 3f, 2f };

        assertThat(TopK.select(scores, 2, i -> i == 0)).containsExactly(2, 3);
    }

    @Test
    void breaksTiesByIndexWithoutATieBreak() {
        float[] scores = { 1f, 2f, 2f, 2f, 0f };

        assertThat(TopK.select(scores, 2)).containsExactly(1, 2);
    }

    @Test
    void breaksTiesByTheGivenPermutation() {
        float[] scores = { 1f, 2f, 2f, 2f, 0f };
        int[] tieBreak = { 0, 3, 2, 1, 4 };

        assertThat(TopK.select(scores, 3, null, tieBreak)).containsExactly(3, 2, 1);
        assertThat(TopK.selectScored(scores, 1, null, tieBreak)).containsExactly(new TopK.Scored(3, 2f));
    }

    @Test
    void matchesAFullSortOnRandomScores() {
        Random random = new Random(1);
        float[] scores = new float[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(50);
        }
        int[] tieBreak = TopK.seededTieBreak(scores.length, 99);
        Integer[] all = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(all, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> tieBreak[i]));

        int[] top = TopK.select(scores, 37, i -> i % 10 == 0, tieBreak);

        int[] expected = Arrays.stream(all).filter(i -> i % 10 != 0).limit(37).mapToInt(Integer::intValue).toArray();
        assertThat(top).containsExactly(expected);
    }

    @Test
    void makesTheSamePermutationForTheSameSeed() {
        int[] a = TopK.seededTieBreak(100, 5);

        assertThat(a).isEqualTo(TopK.seededTieBreak(100, 5));
        assertThat(a).isNotEqualTo(TopK.seededTieBreak(100, 6));
        assertThat(Arrays.stream(a).sorted().toArray()).isEqualTo(IntStream.range(0, 100).toArray());
    }

    @Test
    void rejectsANegativeK() {
        assertThatIllegalArgumentException().isThrownBy(() -> TopK.select(new float[1], -1))
                .withMessageContaining("must be >= 0");
    }
}
