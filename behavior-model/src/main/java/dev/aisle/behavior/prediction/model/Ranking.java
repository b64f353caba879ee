package dev.aisle.behavior.prediction.model;

/**
 * The rank of one item in a dense score vector under a deterministic tie-break (the item with the lower tie rank,
 * i.e. the more popular one, wins, so every model falls back to popularity where its scores tie), in O(n) without
 * sorting; it agrees with {@code TopK.select(scores, k, null, tieRank)} of common-model.
 */
public final class Ranking {

    private Ranking() {
    }

    /** 1-based rank of {@code target}: one plus the number of items that outrank it. */
    public static int rankOf(float[] scores, int target, int[] tieRank) {
        float t = scores[target];
        int tr = tieRank[target];
        int better = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s > t || (s == t && tieRank[i] < tr)) {
                better++;
            }
        }
        return better + 1;
    }
}
