package dev.aisle.common.split;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.aisle.common.dataset.Rating;

/**
 * K-fold cross-validation over ratings: a seeded shuffle deals the ratings round-robin into {@code k} folds of
 * sizes differing by at most one; split {@code f} tests on fold {@code f} and trains on the others, so the test
 * folds are disjoint and together cover all ratings.
 */
public final class KFold {

    private final int k;
    private final long seed;

    /**
     * @param k    number of folds, at least 2
     * @param seed random seed
     */
    public KFold(int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("illegal k " + k + ", must be >= 2");
        }
        this.k = k;
        this.seed = seed;
    }

    /**
     * The {@code k} splits, each list in input order.
     *
     * @throws IllegalArgumentException when there are fewer ratings than folds
     */
    public List<Split> split(List<Rating> ratings) {
        int n = ratings.size();
        if (n < k) {
            throw new IllegalArgumentException("cannot make " + k + " folds of " + n + " ratings");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        StratifiedRandomSplit.shuffle(order, new SplittableRandom(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        List<Split> splits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            boolean[] inTest = new boolean[n];
            for (int i = 0; i < n; i++) {
                inTest[i] = fold[i] == f;
            }
            splits.add(Splits.partition(ratings, inTest));
        }
        return splits;
    }
}
