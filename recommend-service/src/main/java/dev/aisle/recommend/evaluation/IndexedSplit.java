package dev.aisle.recommend.evaluation;

import dev.aisle.common.dataset.Rating;
import dev.aisle.common.feature.IdIndex;
import dev.aisle.common.split.Split;
import dev.aisle.recommend.model.Interactions;
import java.util.ArrayList;
import java.util.List;

/**
 * A train/test split in dense indices: the training interactions (rating values) and, per user, the test items not
 * already in the user's training row.
 */
public record IndexedSplit(IdIndex users, IdIndex items, Interactions train, int[][] relevant) {

    /** Indexes users and items of all ratings (train and test) in order of first appearance. */
    public static IndexedSplit of(List<Rating> all, Split split) {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        for (Rating r : all) {
            users.getOrAdd(r.user());
            items.getOrAdd(r.item());
        }
        List<Rating> train = split.train();
        int[] us = new int[train.size()];
        int[] is = new int[train.size()];
        float[] vs = new float[train.size()];
        for (int n = 0; n < train.size(); n++) {
            us[n] = users.indexOf(train.get(n).user());
            is[n] = items.indexOf(train.get(n).item());
            vs[n] = train.get(n).rating();
        }
        Interactions matrix = Interactions.of(users.size(), items.size(), us, is, vs);
        List<List<Integer>> relevant = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            relevant.add(new ArrayList<>());
        }
        for (Rating r : split.test()) {
            int u = users.indexOf(r.user());
            int i = items.indexOf(r.item());
            if (!matrix.contains(u, i)) {
                relevant.get(u).add(i);
            }
        }
        int[][] rel = new int[users.size()][];
        for (int u = 0; u < rel.length; u++) {
            rel[u] = relevant.get(u).stream().distinct().mapToInt(Integer::intValue).toArray();
        }
        return new IndexedSplit(users, items, matrix, rel);
    }
}
