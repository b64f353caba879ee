package dev.aisle.behavior.prediction.model.purchase;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve as the Mann–Whitney statistic, {@code AUC = (R_+ - n_+(n_+ + 1)/2) / (n_+ n_-)} with
 * {@code R_+} the rank sum of the positives (ties get their mean rank).
 */
public final class RocAuc {

    private RocAuc() {
    }

    /** AUC of {@code scores} for {@code labels}; NaN when either class is absent. */
    public static double of(double[] scores, boolean[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    rankSum += meanRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
