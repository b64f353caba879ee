package dev.aisle.common.metric;

import java.util.BitSet;

/**
 * Catalogue coverage of recommendations: {@code |⋃ recommended lists| / catalogueSize}, accumulated list by list.
 */
public final class Coverage {

    private final int catalogueSize;
    private final BitSet seen;

    /**
     * A coverage counter over items {@code 0 … catalogueSize-1}.
     *
     * @throws IllegalArgumentException when {@code catalogueSize < 1}
     */
    public Coverage(int catalogueSize) {
        if (catalogueSize < 1) {
            throw new IllegalArgumentException("illegal catalogue size " + catalogueSize + ", must be >= 1");
        }
        this.catalogueSize = catalogueSize;
        this.seen = new BitSet(catalogueSize);
    }

    /** Counts the items of one recommendation list. */
    public Coverage add(int[] recommended) {
        for (int item : recommended) {
            add(item);
        }
        return this;
    }

    /** Counts one recommended item. */
    public Coverage add(int item) {
        if (item < 0 || item >= catalogueSize) {
            throw new IndexOutOfBoundsException("item " + item + " outside a catalogue of " + catalogueSize);
        }
        seen.set(item);
        return this;
    }

    /** Number of distinct items recommended so far. */
    public int distinctCount() {
        return seen.cardinality();
    }

    /** {@code distinct recommended / catalogue size}, in [0, 1]. */
    public double value() {
        return seen.cardinality() / (double) catalogueSize;
    }

    /** Coverage of the given lists over a catalogue of {@code catalogueSize}. */
    public static double of(Iterable<int[]> lists, int catalogueSize) {
        Coverage coverage = new Coverage(catalogueSize);
        for (int[] list : lists) {
            coverage.add(list);
        }
        return coverage.value();
    }
}
