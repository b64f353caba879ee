package dev.aisle.common.feature;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.IntPredicate;

/**
 * An immutable set of ints with open addressing and no boxing, e.g. the relevant items of a user in evaluation.
 */
public final class IntSet implements IntPredicate {

    private static final int EMPTY = Integer.MIN_VALUE;
    private static final IntSet NONE = new IntSet(new int[0]);

    private final int[] table;
    private final int mask;
    private final int size;
    private final boolean hasMinValue;

    private IntSet(int[] values) {
        int capacity = Integer.highestOneBit(Math.max(4, values.length * 2 - 1)) << 1;
        this.table = new int[capacity];
        Arrays.fill(table, EMPTY);
        this.mask = capacity - 1;
        int count = 0;
        boolean minValue = false;
        for (int v : values) {
            if (v == EMPTY) {
                if (!minValue) {
                    minValue = true;
                    count++;
                }
                continue;
            }
            int slot = mix(v) & mask;
            while (table[slot] != EMPTY && table[slot] != v) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == EMPTY) {
                table[slot] = v;
                count++;
            }
        }
        this.size = count;
        this.hasMinValue = minValue;
    }

    /** The set of the given values (duplicates collapse). */
    public static IntSet of(int... values) {
        return values.length == 0 ? NONE : new IntSet(values);
    }

    /** The set of the given values. */
    public static IntSet copyOf(Collection<Integer> values) {
        return of(values.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether {@code value} is in the set. */
    public boolean contains(int value) {
        if (value == EMPTY) {
            return hasMinValue;
        }
        int slot = mix(value) & mask;
        while (true) {
            int v = table[slot];
            if (v == value) {
                return true;
            }
            if (v == EMPTY) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Same as {@link #contains(int)}. */
    @Override
    public boolean test(int value) {
        return contains(value);
    }

    /** Number of distinct values. */
    public int size() {
        return size;
    }

    /** Whether the set is empty. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The values in ascending order. */
    public int[] toSortedArray() {
        int[] out = new int[size];
        int n = 0;
        if (hasMinValue) {
            out[n++] = EMPTY;
        }
        for (int v : table) {
            if (v != EMPTY) {
                out[n++] = v;
            }
        }
        Arrays.sort(out);
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(toSortedArray());
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
