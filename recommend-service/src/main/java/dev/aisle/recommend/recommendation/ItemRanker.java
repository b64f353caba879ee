package dev.aisle.recommend.recommendation;

import dev.aisle.common.feature.TopK;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/** Top-n selection over model scores with a fixed seeded tie-break, so equal scores never rank by id order. */
final class ItemRanker {

    private static final long TIE_BREAK_SEED = 42;
    private static final Map<Integer, int[]> TIE_BREAKS = new ConcurrentHashMap<>();

    private ItemRanker() {
    }

    static int[] top(float[] scores, int n, IntPredicate exclude) {
        int[] tieBreak = TIE_BREAKS.computeIfAbsent(scores.length, size -> TopK.seededTieBreak(size, TIE_BREAK_SEED));
        return TopK.select(scores, n, exclude, tieBreak);
    }
}
