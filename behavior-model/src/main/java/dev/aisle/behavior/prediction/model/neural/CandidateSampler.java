package dev.aisle.behavior.prediction.model.neural;

import java.util.Arrays;
import java.util.Random;

/**
 * The candidate set of a sampled-softmax step: the distinct targets of the minibatch (which double as popular
 * negatives for one another) plus {@code extra} items drawn with probability {@code ∝ count^α} (GRU4Rec's
 * additional negative samples, Hidasi &amp; Karatzoglou, CIKM 2018).
 */
final class CandidateSampler {

    private final double[] cumulative;
    private final Random random;
    private final int[] slot;

    /** Candidate items and, per target, its index among them. */
    record Candidates(int[] items, int[] labels) {
    }

    CandidateSampler(int[] counts, double alpha, long seed) {
        cumulative = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += Math.pow(counts[i], alpha);
            cumulative[i] = sum;
        }
        random = new Random(seed);
        slot = new int[counts.length];
        Arrays.fill(slot, -1);
    }

    Candidates sample(int[] targets, int extra) {
        int[] items = new int[targets.length + extra];
        int n = 0;
        int[] labels = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            int t = targets[i];
            if (slot[t] < 0) {
                slot[t] = n;
                items[n++] = t;
            }
            labels[i] = slot[t];
        }
        double total = cumulative[cumulative.length - 1];
        for (int s = 0; s < extra; s++) {
            int pos = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            int item = Math.min(cumulative.length - 1, pos >= 0 ? pos : -pos - 1);
            if (slot[item] < 0) {
                slot[item] = n;
                items[n++] = item;
            }
        }
        for (int i = 0; i < n; i++) {
            slot[items[i]] = -1;
        }
        return new Candidates(Arrays.copyOf(items, n), labels);
    }
}
