package dev.aisle.behavior.prediction.model;

/**
 * Ranking over a dense score vector with a deterministic tie-break (the item with the lower tie rank, i.e. the
 * more popular one, wins). Index 0 may be reserved as padding and is then excluded by the caller via a score of
 * negative infinity.
 */
public final class Ranking {

    private Ranking() {
    }

    /** 1-based rank of {@code target}: one plus the number of items that outrank it. */
    public static int rankOf(float[] scores, int target, int[] tieRank) {
        float t = scores[target];
        int tr = tieRank[target];
        int better = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s > t || (s == t && tieRank[i] < tr)) {
                better++;
            }
        }
        return better + 1;
    }

    /** The {@code n} best item indices, best first (ties by tie rank); items scored negative infinity are skipped. */
    public static int[] top(float[] scores, int n, int[] tieRank) {
        int k = Math.min(n, scores.length);
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            if (size < k) {
                heap[size++] = i;
                siftUp(heap, size - 1, scores, tieRank);
            } else if (k > 0 && better(i, heap[0], scores, tieRank)) {
                heap[0] = i;
                siftDown(heap, size, scores, tieRank);
            }
        }
        int[] result = new int[size];
        for (int r = size - 1; r >= 0; r--) {
            result[r] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores, tieRank);
        }
        return result;
    }

    private static boolean better(int a, int b, float[] scores, int[] tieRank) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && tieRank[a] < tieRank[b]);
    }

    private static void siftUp(int[] heap, int i, float[] scores, int[] tieRank) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i], scores, tieRank)) {
                break;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] scores, int[] tieRank) {
        int i = 0;
        while (true) {
            int worst = i;
            int l = 2 * i + 1;
            int r = l + 1;
            if (l < size && better(heap[worst], heap[l], scores, tieRank)) {
                worst = l;
            }
            if (r < size && better(heap[worst], heap[r], scores, tieRank)) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
