package dev.aisle.common.metric;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class AucTests {

    @Test
    void countsTiesAsHalfAWin() {
        // positives 0.9, 0.7, 0.35 vs negatives 0.8, 0.7, 0.3: wins 3 + (1 + 0.5) + 1 = 5.5 of 9 pairs
        double auc = Auc.of(new double[] { 0.9, 0.8, 0.7, 0.7, 0.3, 0.35 },
                new boolean[] { true, false, true, false, false, true });

        assertThat(auc).isCloseTo(5.5 / 9, within(1e-12));
    }

    @Test
    void isOneForAPerfectRankingAndZeroForAReversedOne() {
        double[] scores = { 4, 3, 2, 1 };

        assertThat(Auc.of(scores, new boolean[] { true, true, false, false })).isEqualTo(1.0);
        assertThat(Auc.of(scores, new boolean[] { false, false, true, true })).isZero();
        assertThat(Auc.of(new double[] { 1, 1, 1 }, new boolean[] { true, false, false })).isEqualTo(0.5);
    }

    @Test
    void agreesWithThePairwiseDefinitionOnRandomData() {
        Random random = new Random(3);
        int n = 300;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextBoolean();
            scores[i] = random.nextInt(20) + (labels[i] ? 3 : 0);
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[i] && !labels[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        assertThat(Auc.of(scores, labels)).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void isUndefinedWithoutBothClasses() {
        assertThat(Auc.of(new double[] { 1, 2 }, new boolean[] { true, true })).isNaN();
    }

    @Test
    void rejectsNanScoresAndMismatchedLengths() {
        assertThatIllegalArgumentException().isThrownBy(() -> Auc.of(new double[] { Double.NaN, 1 },
                new boolean[] { true, false }));
        assertThatIllegalArgumentException().isThrownBy(() -> Auc.of(new double[1], new boolean[2]));
    }
}
