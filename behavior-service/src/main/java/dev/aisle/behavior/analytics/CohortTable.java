package dev.aisle.behavior.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A retention table.
 *
 * @param category the category filter ({@code null} for the whole shop)
 * @param weeks number of following weeks shown (columns 0..weeks)
 * @param cohorts one row per first-activity week, in order
 */
public record CohortTable(LocalDate from, LocalDate to, String category, Integer segment, int weeks,
        List<Cohort> cohorts) {

    /**
     * One cohort.
     *
     * @param week Monday of the first-activity week
     * @param users cohort size
     * @param active users active k weeks later, k = 0..weeks
     * @param retention active[k] / users, rounded to 6 decimals
     */
    public record Cohort(LocalDate week, long users, List<Long> active, List<Double> retention) {

        static Cohort of(LocalDate week, long[] counts) {
            List<Long> active = new ArrayList<>();
            List<Double> retention = new ArrayList<>();
            for (long count : counts) {
                active.add(count);
                retention.add(counts[0] == 0 ? 0 : Math.round(1e6 * count / (double) counts[0]) / 1e6);
            }
            return new Cohort(week, counts[0], active, retention);
        }
    }
}
