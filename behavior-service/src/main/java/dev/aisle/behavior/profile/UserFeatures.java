package dev.aisle.behavior.profile;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A user's activity totals, from {@code behavior.sessions}.
 *
 * @param sessions sessions
 * @param orders sessions with a purchase
 * @param revenue sum of purchase values
 * @param events events
 * @param firstSeen start of the first session
 * @param lastActivity last event time
 */
record UserFeatures(String userId, long sessions, long orders, BigDecimal revenue, long events, Instant firstSeen,
        Instant lastActivity) {

    /** The clustering features {@code [log1p(sessions), log1p(orders), log1p(revenue), recencyDays]}. */
    double[] vector(Instant now) {
        return new double[] {Math.log1p(sessions), Math.log1p(orders), Math.log1p(revenue.doubleValue()),
                recencyDays(now)};
    }

    /** Whole and fractional days from the last activity to {@code now}. */
    double recencyDays(Instant now) {
        return (now.toEpochMilli() - lastActivity.toEpochMilli()) / 86_400_000.0;
    }
}
