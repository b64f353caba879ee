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
    private final double[] counts;
    private final double totalCount;
    private final double alpha;
    private final Random random;
    private final int[] slot;

    /** Candidate items and, per target, its index among them. */
    record Candidates(int[] items, int[] labels) {
    }

    CandidateSampler(int[] counts, double alpha, long seed) {
        cumulative = new double[counts.length];
        this.counts = new double[counts.length];
        this.alpha = alpha;
        double sum = 0;
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += Math.pow(counts[i], alpha);
            cumulative[i] = sum;
            this.counts[i] = counts[i];
            total += counts[i];
        }
        this.totalCount = total;
        random = new Random(seed);
        slot = new int[counts.length];
        Arrays.fill(slot, -1);
    }

    /**
     * {@code log P(item is a candidate)} for a step with {@code targets} target positions and {@code extra} draws,
     * subtracted from the logits as the logQ correction of sampled softmax (Bengio &amp; Senécal 2008; Yi et al.,
     * RecSys 2019), without which popularity-sampled negatives push popular items down and rare ones up. The
     * candidates are de-duplicated, so the right {@code Q} is the inclusion probability, not the expected number of
     * draws {@code n·q} (which exceeds 1 for popular items at thousands of draws and over-corrects them); as
     * TensorFlow's sampled softmax does for unique sampling, {@code P = 1 − (1 − q_t)^targets · (1 − q_d)^extra}
     * with {@code q_t = c / Σc} for the batch's targets (click distribution) and {@code q_d = c^α / Σc^α} for the
     * draws, computed as {@code −expm1(targets·log1p(−q_t) + extra·log1p(−q_d))} to stay exact for rare items.
     */
    double logInclusion(int item, int targets, int extra) {
        double c = Math.max(counts[item], 1);
        double qTarget = Math.min(c / totalCount, 1 - 1e-12);
        double qDraw = Math.min(Math.pow(c, alpha) / cumulative[cumulative.length - 1], 1 - 1e-12);
        double logMiss = targets * Math.log1p(-qTarget) + extra * Math.log1p(-qDraw);
        return Math.log(-Math.expm1(logMiss));
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
