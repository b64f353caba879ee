package dev.aisle.behavior.prediction.model.purchase;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Numeric encodings of a session's events: one vector per event for the sequence model, one aggregate vector
 * for logistic regression. Durations and prices enter as {@code log(1 + x)}; dwell times are capped at an hour.
 */
final class PurchaseFeatures {

    private static final int TYPES = SessionEventFeatures.TYPES.length + 1;
    /** Width of one event's vector: type one-hot, log dwell, log price, category changed, position. */
    static final int EVENT_WIDTH = TYPES + 4;
    /** Width of the aggregate vector. */
    static final int SESSION_WIDTH = TYPES + 8;
    private static final double MAX_DWELL = 3600;

    private PurchaseFeatures() {
    }

    static float[] event(List<SessionEventFeatures> events, int i) {
        SessionEventFeatures e = events.get(i);
        float[] v = new float[EVENT_WIDTH];
        v[e.typeIndex()] = 1f;
        v[TYPES] = (float) Math.log1p(Math.min(MAX_DWELL, e.dwellSeconds()));
        v[TYPES + 1] = (float) Math.log1p(e.price());
        String previous = i > 0 ? events.get(i - 1).category() : null;
        v[TYPES + 2] = e.category() != null && previous != null && !e.category().equals(previous) ? 1f : 0f;
        v[TYPES + 3] = (float) Math.log1p(i);
        return v;
    }

    /**
     * Type counts ({@code log(1+n)}), log length, log total and mean dwell, log max and mean price, distinct
     * categories, whether the last event is a cart addition, and a constant 1 for the bias.
     */
    static double[] session(List<SessionEventFeatures> events) {
        double[] v = new double[SESSION_WIDTH];
        int[] counts = new int[TYPES];
        double dwell = 0;
        double maxPrice = 0;
        double priceSum = 0;
        int priced = 0;
        Set<String> categories = new HashSet<>();
        for (SessionEventFeatures e : events) {
            counts[e.typeIndex()]++;
            dwell += Math.min(MAX_DWELL, e.dwellSeconds());
            if (e.price() > 0) {
                maxPrice = Math.max(maxPrice, e.price());
                priceSum += e.price();
                priced++;
            }
            if (e.category() != null) {
                categories.add(e.category());
            }
        }
        for (int t = 0; t < TYPES; t++) {
            v[t] = Math.log1p(counts[t]);
        }
        int n = events.size();
        v[TYPES] = Math.log1p(n);
        v[TYPES + 1] = Math.log1p(dwell);
        v[TYPES + 2] = n == 0 ? 0 : Math.log1p(dwell / n);
        v[TYPES + 3] = Math.log1p(maxPrice);
        v[TYPES + 4] = priced == 0 ? 0 : Math.log1p(priceSum / priced);
        v[TYPES + 5] = Math.log1p(categories.size());
        v[TYPES + 6] = n > 0 && events.get(n - 1).type().equals("add_to_cart") ? 1 : 0;
        v[TYPES + 7] = 1;
        return v;
    }
}
