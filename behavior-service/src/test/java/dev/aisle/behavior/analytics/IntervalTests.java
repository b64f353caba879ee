package dev.aisle.behavior.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aisle.support.error.BadRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IntervalTests {

    @Test
    void startsWeeksOnMondayAndMonthsOnTheFirst() {
        LocalDate sunday = LocalDate.of(2026, 1, 4);

        assertThat(Interval.WEEK.start(sunday)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Interval.MONTH.start(sunday)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Interval.DAY.start(sunday)).isEqualTo(sunday);
    }

    @Test
    void rejectsUnknownIntervalsAndReversedRanges() {
        assertThat(Interval.parse(" Week ")).isEqualTo(Interval.WEEK);
        assertThatThrownBy(() -> Interval.parse("fortnight")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> new AnalyticsFilter(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1), null, null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("must not be after");
    }
}
