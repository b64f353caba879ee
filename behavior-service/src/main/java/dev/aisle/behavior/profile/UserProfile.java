package dev.aisle.behavior.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A user's profile.
 *
 * @param recencyDays days since the last activity (R of RFM)
 * @param frequency orders, i.e. sessions with a purchase (F of RFM)
 * @param monetary total purchase value (M of RFM)
 * @param lifetimeValue historical lifetime value: the total purchase value so far (equal to {@code monetary})
 * @param averageOrderValue monetary / frequency (0 without orders)
 * @param favouriteCategories the top 3 category paths by events on their products
 * @param favouriteBrands the top 3 brands by events on their products
 * @param segment the user's current segment, {@code null} before the first segmentation
 */
public record UserProfile(String userId, double recencyDays, long frequency, BigDecimal monetary, long sessions,
        long events, Instant firstSeen, Instant lastActivity, BigDecimal lifetimeValue,
        BigDecimal averageOrderValue, List<Favourite> favouriteCategories, List<Favourite> favouriteBrands,
        SegmentService.Membership segment) {

    /** A category or brand with the user's event count on it. */
    public record Favourite(String name, long events) {
    }
}
