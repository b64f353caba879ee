package dev.aisle.recommend.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Evaluation splits, each returning a test mask over the rows of an {@link EvaluationData}. */
public final class Protocols {

    private Protocols() {
    }

    /**
     * Per-user stratified random split (Microsoft Recommenders' {@code python_stratified_split}): each user's rows
     * are shuffled with one seeded generator and the last {@code round(n · testRatio)} of them become test rows.
     */
    public static boolean[] randomSplit(EvaluationData data, double testRatio, long seed) {
        List<List<Integer>> byUser = byUser(data);
        boolean[] test = new boolean[data.size()];
        Random random = new Random(seed);
        for (List<Integer> rows : byUser) {
            java.util.Collections.shuffle(rows, random);
            int n = (int) Math.round(rows.size() * testRatio);
            for (int q = rows.size() - n; q < rows.size(); q++) {
                test[rows.get(q)] = true;
            }
        }
        return test;
    }

    /** The latest row of each user with at least two rows (by time, then file order) is the test row. */
    public static boolean[] leaveLastOut(EvaluationData data) {
        boolean[] test = new boolean[data.size()];
        for (List<Integer> rows : byUser(data)) {
            if (rows.size() < 2) {
                continue;
            }
            int last = rows.get(0);
            for (int r : rows) {
                if (data.time()[r] >= data.time()[last]) {
                    last = r;
                }
            }
            test[last] = true;
        }
        return test;
    }

    /** Fold number of each row: rows shuffled with a seeded generator and dealt round-robin (Surprise's KFold). */
    public static int[] folds(EvaluationData data, int folds, long seed) {
        int n = data.size();
        int[] perm = new int[n];
        for (int p = 0; p < n; p++) {
            perm[p] = p;
        }
        Random random = new Random(seed);
        for (int p = n - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int t = perm[p];
            perm[p] = perm[q];
            perm[q] = t;
        }
        int[] fold = new int[n];
        for (int p = 0; p < n; p++) {
            fold[perm[p]] = (int) ((long) p * folds / n);
        }
        return fold;
    }

    private static List<List<Integer>> byUser(EvaluationData data) {
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < data.users(); u++) {
            byUser.add(new ArrayList<>());
        }
        for (int r = 0; r < data.size(); r++) {
            byUser.get(data.user()[r]).add(r);
        }
        return byUser;
    }
}
