package dev.aisle.behavior.analytics;

import dev.aisle.support.error.BadRequestException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The bucket of a KPI series: a UTC day, an ISO week (from Monday) or a calendar month. */
public enum Interval {
    DAY, WEEK, MONTH;

    /** The PostgreSQL {@code date_trunc} field of this interval. */
    String sqlField() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the bucket holding {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The first day of the next bucket after the one starting at {@code start}. */
    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Parses {@code day}, {@code week} or {@code month} (any case); anything else is a 400. */
    static Interval parse(String value) {
        if (value != null) {
            for (Interval interval : values()) {
                if (interval.name().equalsIgnoreCase(value.strip())) {
                    return interval;
                }
            }
        }
        throw new BadRequestException("Unknown interval '" + value + "', must be one of day, week, month");
    }
}
