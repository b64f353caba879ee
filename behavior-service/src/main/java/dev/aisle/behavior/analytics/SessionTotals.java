package dev.aisle.behavior.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The additive sums behind the KPIs of one period, and the KPIs derived from them.
 *
 * @param sessions sessions that started in the period
 * @param users distinct users of those sessions
 * @param pageViews {@code view} events of those sessions
 * @param durationSeconds sum over the sessions of (last event time − first event time), in seconds
 * @param bounces sessions with exactly one event
 * @param orders sessions with at least one {@code purchase} (one checkout per session)
 * @param revenue sum of {@code value} over the {@code purchase} events of those sessions
 */
public record SessionTotals(long sessions, long users, long pageViews, BigDecimal durationSeconds, long bounces,
        long orders, BigDecimal revenue) {

    /** No sessions. */
    public static final SessionTotals EMPTY =
            new SessionTotals(0, 0, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);

    /** The KPIs of the period starting at {@code period} ({@code null} for the whole range). */
    public Kpis kpis(java.time.LocalDate period) {
        return new Kpis(period, pageViews, users, sessions,
                ratio(durationSeconds, sessions), ratio(BigDecimal.valueOf(pageViews), sessions),
                ratio(BigDecimal.valueOf(bounces), sessions), ratio(BigDecimal.valueOf(orders), sessions),
                revenue.setScale(2, RoundingMode.HALF_EVEN), orders,
                orders == 0 ? BigDecimal.ZERO.setScale(2) : revenue.divide(BigDecimal.valueOf(orders), 2,
                        RoundingMode.HALF_EVEN));
    }

    private static double ratio(BigDecimal numerator, long denominator) {
        return denominator == 0 ? 0 : numerator.divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
