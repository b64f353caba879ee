package dev.aisle.recommend.model;

import java.util.Arrays;
import java.util.Random;

/**
 * An early-stopping slice carved from training data: a seeded sample of users with two or more items each lends one
 * random item; a model trained on the rest is scored by NDCG@10 of that item among all items the user has not
 * interacted with ({@code 1/log2(rank + 2)} inside the top 10, ties broken by item index).
 */
final class EarlyStopping {

    private static final int K = 10;

    private final Interactions train;
    private final int[] users;
    private final int[] items;

    private EarlyStopping(Interactions train, int[] users, int[] items) {
        this.train = train;
        this.users = users;
        this.items = items;
    }

    /** Holds back one item of up to {@code count} users (none when count is 0). */
    static EarlyStopping carve(Interactions data, int count, long seed) {
        Random random = new Random(seed * 31 + 7);
        int[] eligible = java.util.stream.IntStream.range(0, data.users()).filter(u -> data.userDegree(u) >= 2)
                .toArray();
        for (int n = eligible.length - 1; n > 0; n--) {
            int q = random.nextInt(n + 1);
            int t = eligible[n];
            eligible[n] = eligible[q];
            eligible[q] = t;
        }
        int[] users = Arrays.copyOf(eligible, Math.min(count, eligible.length));
        Arrays.sort(users);
        if (users.length == 0) {
            return new EarlyStopping(data, users, new int[0]);
        }
        int[] items = new int[users.length];
        int[] heldPosition = new int[data.users()];
        Arrays.fill(heldPosition, -1);
        for (int n = 0; n < users.length; n++) {
            int u = users[n];
            heldPosition[u] = data.userStart[u] + random.nextInt(data.userDegree(u));
            items[n] = data.userItems[heldPosition[u]];
        }
        int kept = data.size() - users.length;
        int[] us = new int[kept];
        int[] is = new int[kept];
        float[] vs = new float[kept];
        int out = 0;
        for (int u = 0; u < data.users(); u++) {
            for (int p = data.userStart[u]; p < data.userStart[u + 1]; p++) {
                if (p != heldPosition[u]) {
                    us[out] = u;
                    is[out] = data.userItems[p];
                    vs[out++] = data.userValues[p];
                }
            }
        }
        return new EarlyStopping(Interactions.of(data.users(), data.items(), us, is, vs), users, items);
    }

    /** The interactions to train on (all of them when nothing is held back). */
    Interactions train() {
        return train;
    }

    boolean isEmpty() {
        return users.length == 0;
    }

    /** Mean NDCG@10 of the held-back items under {@code model} (trained on {@link #train()}). */
    double ndcg(Recommender model) {
        double sum = 0;
        for (int n = 0; n < users.length; n++) {
            int u = users[n];
            int held = items[n];
            float[] scores = model.score(u);
            float target = scores[held];
            int rank = 0;
            for (int i = 0; i < scores.length && rank < K; i++) {
                if (i != held && (scores[i] > target || (scores[i] == target && i < held)) && !train.contains(u, i)) {
                    rank++;
                }
            }
            sum += rank < K ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
        }
        return users.length == 0 ? 0 : sum / users.length;
    }
}
