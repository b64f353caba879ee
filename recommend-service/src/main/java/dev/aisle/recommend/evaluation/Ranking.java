package dev.aisle.recommend.evaluation;

import java.util.PriorityQueue;
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

    /** Indices of the {@code k} best non-excluded scores, best first. */
    public static int[] top(float[] scores, int k, IntPredicate exclude, int[] tieBreak) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> better(scores, tieBreak, b, a));
        for (int i = 0; i < scores.length; i++) {
            if (exclude.test(i)) {
                continue;
            }
            if (heap.size() < k) {
                heap.add(i);
            } else if (better(scores, tieBreak, i, heap.peek()) < 0) {
                heap.poll();
                heap.add(i);
            }
        }
        int[] out = new int[heap.size()];
        for (int p = out.length - 1; p >= 0; p--) {
            out[p] = heap.poll();
        }
        return out;
    }

    /** Negative when {@code a} ranks before {@code b}. */
    private static int better(float[] scores, int[] tieBreak, int a, int b) {
        int c = Float.compare(scores[b], scores[a]);
        return c != 0 ? c : Integer.compare(tieBreak[a], tieBreak[b]);
    }
}
