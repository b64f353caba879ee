package dev.aisle.recommend.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Two taste clusters: users 0..19 like items 0..14, users 20..39 like items 15..29; 70 % observed, 30 % held out. */
final class ModelTestData {

    static final int USERS = 40;
    static final int ITEMS = 30;

    final Interactions train;
    final List<List<Integer>> heldOut = new ArrayList<>();

    private ModelTestData(long seed) {
        Random random = new Random(seed);
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            List<Integer> held = new ArrayList<>();
            int first = u < USERS / 2 ? 0 : ITEMS / 2;
            for (int i = first; i < first + ITEMS / 2; i++) {
                if (random.nextDouble() < 0.7) {
                    pairs.add(new int[] {u, i, 1 + random.nextInt(5)});
                } else {
                    held.add(i);
                }
            }
            // a little cross-cluster noise
            pairs.add(new int[] {u, (first + ITEMS / 2 + random.nextInt(ITEMS / 2)) % ITEMS, 1});
            heldOut.add(held);
        }
        int[] us = new int[pairs.size()];
        int[] is = new int[pairs.size()];
        float[] vs = new float[pairs.size()];
        for (int n = 0; n < pairs.size(); n++) {
            us[n] = pairs.get(n)[0];
            is[n] = pairs.get(n)[1];
            vs[n] = pairs.get(n)[2];
        }
        train = Interactions.of(USERS, ITEMS, us, is, vs);
    }

    static ModelTestData clusters() {
        return new ModelTestData(7);
    }

    /** Fraction of held-out items found among each user's top-5 unseen items, averaged over users. */
    double recallAt5(Recommender model) {
        double sum = 0;
        int users = 0;
        for (int u = 0; u < USERS; u++) {
            List<Integer> held = heldOut.get(u);
            if (held.isEmpty()) {
                continue;
            }
            float[] s = model.score(u);
            for (int i : train.itemsOf(u)) {
                s[i] = Float.NEGATIVE_INFINITY;
            }
            int hits = 0;
            for (int i : top(s, 5)) {
                hits += held.contains(i) ? 1 : 0;
            }
            sum += (double) hits / Math.min(5, held.size());
            users++;
        }
        return sum / users;
    }

    static int[] top(float[] s, int n) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
