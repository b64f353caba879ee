package dev.aisle.behavior.analytics;

import dev.aisle.common.event.EventType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A funnel's result.
 *
 * @param category the category filter ({@code null} for the whole shop)
 * @param scope {@code session} or {@code user}
 * @param withinDays the user mode's window, {@code null} in the session mode
 * @param steps one entry per step, in order
 */
public record FunnelReport(LocalDate from, LocalDate to, String category, Integer segment, String scope,
        Integer withinDays,
        List<Step> steps) {

    /**
     * One step.
     *
     * @param type the event type
     * @param count entities that reached this step
     * @param conversionFromPrevious count / previous step's count (1 for the first step; 0 when the previous is 0)
     * @param conversionFromStart count / first step's count
     * @param dropOff previous step's count − count (0 for the first step)
     */
    public record Step(String type, long count, double conversionFromPrevious, double conversionFromStart,
            long dropOff) {
    }

    /** The report for the raw step counts. */
    public static FunnelReport of(AnalyticsFilter filter, List<EventType> types, Integer withinDays, long[] counts) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            long previous = i == 0 ? counts[0] : counts[i - 1];
            steps.add(new Step(types.get(i).wireName(), counts[i], ratio(counts[i], previous),
                    ratio(counts[i], counts[0]), previous - counts[i]));
        }
        return new FunnelReport(filter.from(), filter.to(), filter.category(), filter.segment(),
                withinDays == null ? "session" : "user", withinDays, steps);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : Math.round(1e6 * a / (double) b) / 1e6;
    }
}
