package dev.aisle.common.interaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import dev.aisle.common.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InteractionWeightsTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void weighsEventTypesByTheDefaults() {
        InteractionWeights w = InteractionWeights.DEFAULTS;

        assertThat(w.weightOf(EventType.VIEW, Double.NaN)).isEqualTo(1f);
        assertThat(w.weightOf(EventType.CLICK, Double.NaN)).isEqualTo(2f);
        assertThat(w.weightOf(EventType.ADD_TO_CART, Double.NaN)).isEqualTo(3f);
        assertThat(w.weightOf(EventType.PURCHASE, 99.0)).isEqualTo(5f);
        assertThat(w.weightOf(EventType.SEARCH, Double.NaN)).isZero();
        assertThat(w.weightOf(EventType.REMOVE_FROM_CART, Double.NaN)).isZero();
    }

    @Test
    void weighsRatingsByValueTimesMultiplier() {
        InteractionWeights w = new InteractionWeights(1, 2, 3, 5, 0.5f, 0);

        assertThat(w.weightOf(EventType.RATING, 4.0)).isEqualTo(2f);
        assertThat(w.weightOf(EventType.RATING, new BigDecimal("3"))).isEqualTo(1.5f);
        assertThat(w.weightOf(EventType.RATING, (BigDecimal) null)).isZero();
    }

    @Test
    void halvesTheWeightAfterOneHalfLife() {
        InteractionWeights w = new InteractionWeights(1, 2, 3, 5, 1, 10);

        assertThat(w.decay(NOW.minus(Duration.ofDays(10)), NOW)).isCloseTo(0.5f, within(1e-6f));
        assertThat(w.decay(NOW.minus(Duration.ofDays(20)), NOW)).isCloseTo(0.25f, within(1e-6f));
        assertThat(w.decay(NOW.minus(Duration.ofDays(5)), NOW)).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(w.decay(NOW, NOW)).isEqualTo(1f);
        assertThat(w.decay(NOW.plusSeconds(3600), NOW)).isEqualTo(1f);
    }

    @Test
    void disablesDecayForANonPositiveHalfLife() {
        InteractionWeights w = new InteractionWeights(1, 2, 3, 5, 1, 0);

        assertThat(w.decay(NOW.minus(Duration.ofDays(1000)), NOW)).isEqualTo(1f);
    }
}
