package dev.aisle.recommend.evaluation;

import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Top-k selection over a dense score array: highest score first, equal scores ordered by a seeded random
 * permutation rank (never by index, which mirrors file order).
 */
public final class Ranking {

    private Ranking() {
    }

    /** A seeded random rank for each of {@code n} indices. */
    public static int[] seededTieBreak(int n, long seed) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        return rank;
    }

    /** Indices of the {@code k} best non-excluded scores, best first (a primitive min-heap of size k). */
    public static int[] top(float[] scores, int k, IntPredicate exclude, int[] tieBreak) {
        int[] heap = new int[Math.max(k, 1)];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size == k && better(scores, tieBreak, i, heap[0]) >= 0) {
                continue;
            }
            if (exclude.test(i)) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(scores, tieBreak, heap, size++);
            } else {
                heap[0] = i;
                siftDown(scores, tieBreak, heap, size);
            }
        }
        int[] out = new int[size];
        for (int p = size - 1; p >= 0; p--) {
            out[p] = heap[0];
            heap[0] = heap[--size];
            siftDown(scores, tieBreak, heap, size);
        }
        return out;
    }

    /** The heap keeps the worst kept index at the root. */
    private static void siftUp(float[] scores, int[] tieBreak, int[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (better(scores, tieBreak, heap[at], heap[parent]) <= 0) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[parent];
            heap[parent] = t;
            at = parent;
        }
    }

    private static void siftDown(float[] scores, int[] tieBreak, int[] heap, int size) {
        int at = 0;
        while (true) {
            int worst = at;
            for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
                if (better(scores, tieBreak, heap[child], heap[worst]) > 0) {
                    worst = child;
                }
            }
            if (worst == at) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[worst];
            heap[worst] = t;
            at = worst;
        }
    }

    /** Negative when {@code a} ranks before {@code b}. */
    private static int better(float[] scores, int[] tieBreak, int a, int b) {
        int c = Float.compare(scores[b], scores[a]);
        return c != 0 ? c : Integer.compare(tieBreak[a], tieBreak[b]);
    }
}
