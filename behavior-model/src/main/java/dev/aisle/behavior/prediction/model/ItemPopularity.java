package dev.aisle.behavior.prediction.model;

import java.util.Arrays;
import java.util.List;

/**
 * Click counts of every item in the training sessions and the popularity order used to break score ties, so
 * that every model ranks deterministically and falls back to popularity where it has no evidence.
 */
public final class ItemPopularity {

    private final int[] counts;
    private final int[] tieRank;

    private ItemPopularity(int[] counts) {
        this.counts = counts;
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        this.tieRank = new int[counts.length];
        for (int r = 0; r < order.length; r++) {
            tieRank[order[r]] = r;
        }
    }

    /** Counts every click of every session. */
    public static ItemPopularity of(List<int[]> sessions, int numItems) {
        int[] counts = new int[numItems];
        for (int[] session : sessions) {
            for (int item : session) {
                counts[item]++;
            }
        }
        return new ItemPopularity(counts);
    }

    /** Restores popularity from saved counts. */
    public static ItemPopularity fromCounts(int[] counts) {
        return new ItemPopularity(counts.clone());
    }

    /** Training clicks of {@code item}. */
    public int count(int item) {
        return counts[item];
    }

    /** All counts (a copy). */
    public int[] counts() {
        return counts.clone();
    }

    /** Position of each item in the popularity order (0 = most popular; ties by lower index); not copied. */
    public int[] tieRank() {
        return tieRank;
    }

    /** Number of items. */
    public int size() {
        return counts.length;
    }
}
