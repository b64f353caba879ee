package dev.aisle.common.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.aisle.common.dataset.Rating;

/**
 * Per-user random split, after Microsoft Recommenders' {@code python_stratified_split}: each user's ratings are
 * shuffled and the first {@code round(n × (1 − testRatio))} go to train, the rest to test, so every user keeps the
 * same train/test proportion. At least one rating per user stays in train (a user with a single rating is all
 * train). Each user's shuffle is seeded from {@code seed} and the user id, so adding users does not change the
 * others' splits.
 */
public final class StratifiedRandomSplit implements SplitProtocol {

    private final double testRatio;
    private final long seed;

    /**
     * @param testRatio fraction of each user's ratings held out, in (0, 1)
     * @param seed      random seed
     */
    public StratifiedRandomSplit(double testRatio, long seed) {
        if (!(testRatio > 0.0 && testRatio < 1.0)) {
            throw new IllegalArgumentException("illegal testRatio " + testRatio + ", must be between 0 and 1");
        }
        this.testRatio = testRatio;
        this.seed = seed;
    }

    @Override
    public Split split(List<Rating> ratings) {
        Map<String, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < ratings.size(); i++) {
            byUser.computeIfAbsent(ratings.get(i).user(), u -> new ArrayList<>()).add(i);
        }
        boolean[] inTest = new boolean[ratings.size()];
        for (Map.Entry<String, List<Integer>> entry : byUser.entrySet()) {
            int[] positions = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            int n = positions.length;
            int trainCount = (int) Math.max(1, Math.min(n, Math.round(n * (1.0 - testRatio))));
            shuffle(positions, new SplittableRandom(seed ^ mix(entry.getKey().hashCode())));
            for (int j = trainCount; j < n; j++) {
                inTest[positions[j]] = true;
            }
        }
        return Splits.partition(ratings, inTest);
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static long mix(long h) {
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
