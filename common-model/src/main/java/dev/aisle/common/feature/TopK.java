package dev.aisle.common.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Top-K selection over a dense score array with a bounded min-heap, O(n log k).
 *
 * <p>Results are ordered by score descending. NaN scores are never selected. Ties must not favour low indices in
 * evaluation (popular or early-indexed items would win every tie and inflate metrics), so evaluation code must
 * use {@link #select(float[], int, IntPredicate, int[])} with a {@link #seededTieBreak(int, long) seeded
 * permutation}; the overloads without one break ties by index ascending, which is fine for serving.
 */
public final class TopK {

    /** An index with its score. */
    public record Scored(int index, float score) {
    }

    private TopK() {
    }

    /** The top {@code k} indices, ties by lower index. */
    public static int[] select(float[] scores, int k) {
        return select(scores, k, null, null);
    }

    /** The top {@code k} indices not excluded, ties by lower index. */
    public static int[] select(float[] scores, int k, IntPredicate exclude) {
        return select(scores, k, exclude, null);
    }

    /**
     * The top {@code k} indices by score descending.
     *
     * @param scores   the scores; NaN entries are never selected
     * @param k        how many to return at most (fewer when fewer are eligible)
     * @param exclude  indices to skip, or null for none
     * @param tieBreak equal scores are ordered by {@code tieBreak[i]} ascending (a permutation of
     *                 {@code 0 … n-1}); null orders them by index
     */
    public static int[] select(float[] scores, int k, IntPredicate exclude, int[] tieBreak) {
        if (k < 0) {
            throw new IllegalArgumentException("illegal k " + k + ", must be >= 0");
        }
        if (tieBreak != null && tieBreak.length < scores.length) {
            throw new IllegalArgumentException(
                    "tieBreak has " + tieBreak.length + " entries for " + scores.length + " scores");
        }
        int capacity = Math.min(k, scores.length);
        int[] heap = new int[capacity];
        int size = 0;
        if (capacity == 0) {
            return heap;
        }
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (Float.isNaN(s) || (exclude != null && exclude.test(i))) {
                continue;
            }
            if (size < capacity) {
                heap[size] = i;
                siftUp(heap, size++, scores, tieBreak);
            }
            else if (better(i, heap[0], scores, tieBreak)) {
                heap[0] = i;
                siftDown(heap, 0, size, scores, tieBreak);
            }
        }
        // heap-sort: repeatedly move the worst to the end, leaving best first
        for (int end = size - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            siftDown(heap, 0, end, scores, tieBreak);
        }
        return size == heap.length ? heap : java.util.Arrays.copyOf(heap, size);
    }

    /** Like {@link #select(float[], int, IntPredicate, int[])} with the scores attached. */
    public static List<Scored> selectScored(float[] scores, int k, IntPredicate exclude, int[] tieBreak) {
        int[] top = select(scores, k, exclude, tieBreak);
        List<Scored> result = new ArrayList<>(top.length);
        for (int index : top) {
            result.add(new Scored(index, scores[index]));
        }
        return result;
    }

    /** A random permutation of {@code 0 … n-1} (Fisher–Yates with {@link SplittableRandom}), the same per seed. */
    public static int[] seededTieBreak(int n, long seed) {
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        return permutation;
    }

    /** Whether {@code a} ranks before {@code b}. */
    private static boolean better(int a, int b, float[] scores, int[] tieBreak) {
        float sa = scores[a];
        float sb = scores[b];
        if (sa != sb) {
            return sa > sb;
        }
        return tieBreak == null ? a < b : tieBreak[a] < tieBreak[b];
    }

    private static void siftUp(int[] heap, int pos, float[] scores, int[] tieBreak) {
        int item = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], item, scores, tieBreak)) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = item;
    }

    private static void siftDown(int[] heap, int pos, int size, float[] scores, int[] tieBreak) {
        int item = heap[pos];
        int half = size >>> 1;
        while (pos < half) {
            int child = 2 * pos + 1;
            int right = child + 1;
            if (right < size && better(heap[child], heap[right], scores, tieBreak)) {
                child = right;
            }
            if (!better(item, heap[child], scores, tieBreak)) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = item;
    }
}
