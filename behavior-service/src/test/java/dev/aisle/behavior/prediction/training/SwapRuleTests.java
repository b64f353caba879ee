package dev.aisle.behavior.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwapRuleTests {

    @Test
    void servesTheFirstModelWhateverItsScore() {
        assertThat(SwapRule.replaces(null, 0.01)).isTrue();
        assertThat(SwapRule.replaces(null, Double.NaN)).isTrue();
    }

    @Test
    void replacesTheServingModelWhenNotWorse() {
        assertThat(SwapRule.replaces(0.30, 0.30)).isTrue();
        assertThat(SwapRule.replaces(0.30, 0.31)).isTrue();
    }

    @Test
    void keepsTheServingModelWhenTheCandidateValidatesWorse() {
        assertThat(SwapRule.replaces(0.30, 0.2999)).isFalse();
    }

    @Test
    void keepsTheServingModelWhenTheCandidateScoreIsUndefined() {
        assertThat(SwapRule.replaces(0.7, Double.NaN)).isFalse();
    }

    @Test
    void replacesAServingModelWhoseScoreIsUndefined() {
        assertThat(SwapRule.replaces(Double.NaN, 0.6)).isTrue();
    }
}
