package dev.aisle.behavior.analytics;

import dev.aisle.support.error.BadRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The slice of behaviour an analytics query looks at.
 *
 * @param from first UTC day, inclusive
 * @param to last UTC day, inclusive
 * @param category a category path prefix ({@code "Sports"} or {@code "Sports > Basketball"}): the category and its
 *     subtree; {@code null} for all
 * @param segment a segment id: only users of that segment; {@code null} for all users
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, String category, Integer segment) {

    /** Longest range accepted, in days. */
    static final int MAX_DAYS = 3_660;

    public AnalyticsFilter {
        if (from == null || to == null) {
            throw new BadRequestException("from and to are required (ISO dates such as 2026-01-31)");
        }
        if (from.isAfter(to)) {
            throw new BadRequestException("from (" + from + ") must not be after to (" + to + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new BadRequestException("The range may span at most " + MAX_DAYS + " days");
        }
        category = category == null || category.isBlank() ? null : category.strip();
    }

    /** The start of {@code from} in UTC. */
    OffsetDateTime start() {
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The start of the day after {@code to} in UTC (exclusive end). */
    OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The subtree prefix of the category: the path followed by the level separator. */
    String categoryPrefix() {
        return category + " > ";
    }
}
