package dev.aisle.behavior.prediction.model.neural;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Training minibatches for next-item sequence models: each session {@code s} of length {@code n} becomes one
 * sequence with inputs {@code s_1 … s_{n-1}} and per-step targets {@code s_2 … s_n}, so one pass trains on every
 * prefix; sessions are bucketed by length (little padding), padded at the end and masked.
 */
final class SequenceBatches {

    private final List<int[][]> batches = new ArrayList<>();
    private final Random random;
    private final int targets;

    SequenceBatches(List<int[]> sessions, int batchSize, int maxLength, long seed) {
        this.random = new Random(seed);
        List<int[]> sequences = new ArrayList<>();
        for (int[] s : sessions) {
            // windows of maxLength inputs overlapping by one item, so that every target is predicted exactly once
            for (int from = 0; from + 1 < s.length; from += maxLength) {
                int to = Math.min(s.length, from + maxLength + 1);
                int[] window = new int[to - from];
                System.arraycopy(s, from, window, 0, window.length);
                sequences.add(window);
            }
        }
        Collections.shuffle(sequences, random);
        sequences.sort(Comparator.comparingInt(a -> a.length));
        int count = 0;
        for (int from = 0; from < sequences.size(); from += batchSize) {
            List<int[]> chunk = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
            batches.add(chunk.toArray(new int[0][]));
            for (int[] seq : chunk) {
                count += seq.length - 1;
            }
        }
        this.targets = count;
    }

    /** The batches in a fresh seeded random order. */
    List<int[][]> shuffled() {
        List<int[][]> order = new ArrayList<>(batches);
        Collections.shuffle(order, random);
        return order;
    }

    /** Number of (prefix, target) pairs in one epoch. */
    int targets() {
        return targets;
    }

    /**
     * One minibatch, time-major: {@code items[t·rows + b]} is the input of sequence {@code b} at step {@code t};
     * {@code positions} are the flat indices of the valid steps and {@code targets} their next items.
     */
    record Batch(int[] items, int rows, int steps, int[] positions, int[] targets) {
    }

    /**
     * Lays out sequences (inputs followed by the final target) padded to the longest in the batch; a sequence
     * longer than {@code maxSteps + 1} keeps its last {@code maxSteps + 1} items.
     */
    static Batch toBatch(int[][] sequences, int maxSteps) {
        int mb = sequences.length;
        int steps = 1;
        for (int[] s : sequences) {
            steps = Math.max(steps, Math.min(maxSteps, s.length - 1));
        }
        int[] items = new int[mb * steps];
        int valid = 0;
        for (int[] s : sequences) {
            valid += Math.min(s.length - 1, steps);
        }
        int[] positions = new int[valid];
        int[] targets = new int[valid];
        int p = 0;
        for (int i = 0; i < mb; i++) {
            int[] s = sequences[i];
            int from = Math.max(0, s.length - 1 - steps);
            for (int t = 0; from + t + 1 < s.length; t++) {
                items[t * mb + i] = s[from + t];
                positions[p] = t * mb + i;
                targets[p++] = s[from + t + 1];
            }
        }
        return new Batch(items, mb, steps, positions, targets);
    }

    /** Prefixes laid out for scoring: the state after each prefix's last item (at most {@code steps} items). */
    static Batch toPrefixBatch(int[][] prefixes, int maxSteps) {
        int mb = prefixes.length;
        int steps = 1;
        for (int[] s : prefixes) {
            steps = Math.max(steps, Math.min(maxSteps, s.length));
        }
        int[] items = new int[mb * steps];
        int[] positions = new int[mb];
        for (int i = 0; i < mb; i++) {
            int[] s = prefixes[i];
            int from = Math.max(0, s.length - steps);
            for (int t = from; t < s.length; t++) {
                items[(t - from) * mb + i] = s[t];
            }
            positions[i] = (s.length - from - 1) * mb + i;
        }
        return new Batch(items, mb, steps, positions, new int[0]);
    }
}
