package dev.aisle.common.metric;

import java.util.Arrays;

/**
 * Area under the ROC curve via the Mann–Whitney U statistic (Hanley &amp; McNeil 1982).
 *
 * <p>{@code AUC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋)} where {@code R₊} is the sum of the ranks of the positives among all
 * scores, tied scores taking their average rank; equivalently the probability that a random positive outscores a
 * random negative, ties counting one half. Computed in O(n log n) on primitive arrays.
 */
public final class Auc {

    private Auc() {
    }

    /**
     * The AUC of {@code scores} against {@code labels} ({@code true} = positive).
     *
     * @return the AUC in [0, 1], or NaN when there are no positives or no negatives
     * @throws IllegalArgumentException when the lengths differ or a score is NaN
     */
    public static double of(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(
                    "scores and labels differ in length: " + scores.length + " != " + labels.length);
        }
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i]) {
                positives++;
            }
        }
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, p = 0, q = 0; i < scores.length; i++) {
            if (labels[i]) {
                pos[p++] = scores[i];
            }
            else {
                neg[q++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // for each positive: negatives strictly below + half of the negatives equal to it
        double wins = 0.0;
        int below = 0;
        int i = 0;
        while (i < positives) {
            double s = pos[i];
            int j = i;
            while (j < positives && pos[j] == s) {
                j++;
            }
            while (below < negatives && neg[below] < s) {
                below++;
            }
            int equal = 0;
            while (below + equal < negatives && neg[below + equal] == s) {
                equal++;
            }
            wins += (j - i) * (below + 0.5 * equal);
            i = j;
        }
        return wins / ((double) positives * negatives);
    }
}
