package dev.aisle.behavior.profile.model;

/**
 * Describes a segment in plain words from its standardised centroid over the features
 * {@code [log1p(sessions), log1p(orders), log1p(revenue), recencyDays]}: frequency from the sessions z-score,
 * spending from the revenue z-score (or "non-buying" when the centroid's orders are under 0.5), recency from the
 * recency z-score; a z-score beyond ±0.5 counts as high or low.
 */
public final class SegmentDescriber {

    private static final double HIGH = 0.5;

    private SegmentDescriber() {
    }

    /**
     * @param z the centroid in standardised units
     * @param ordersPerUser the centroid's orders in original units ({@code expm1} of its log feature)
     */
    public static String describe(double[] z, double ordersPerUser) {
        String frequency = z[0] > HIGH ? "frequent" : z[0] < -HIGH ? "occasional" : "regular";
        String who;
        if (ordersPerUser < 0.5) {
            who = "non-buying visitors";
        } else if (z[2] > HIGH) {
            who = "high spenders";
        } else if (z[2] < -HIGH) {
            who = "low spenders";
        } else {
            who = "mid spenders";
        }
        String recency = z[3] > HIGH ? ", lapsed" : z[3] < -HIGH ? ", recently active" : "";
        return frequency + " " + who + recency;
    }
}
