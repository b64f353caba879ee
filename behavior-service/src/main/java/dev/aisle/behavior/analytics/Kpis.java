package dev.aisle.behavior.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The KPIs of one period. Sessions are attributed to the period in which they start; every figure is over those
 * sessions. Ratios are rounded to 6 decimals, money to 2 (half-even).
 *
 * @param period first day of the period; {@code null} for the total over the whole range
 * @param pageViews {@code view} events
 * @param uniqueUsers distinct user ids
 * @param sessions sessions
 * @param avgSessionDurationSeconds mean of (last event − first event) per session, single-event sessions count 0 s
 * @param pagesPerSession page views / sessions
 * @param bounceRate single-event sessions / sessions
 * @param conversionRate sessions with a purchase / sessions
 * @param revenue sum of purchase values
 * @param orders sessions with a purchase (one checkout per session)
 * @param averageOrderValue revenue / orders (0 without orders)
 */
public record Kpis(LocalDate period, long pageViews, long uniqueUsers, long sessions,
        double avgSessionDurationSeconds, double pagesPerSession, double bounceRate, double conversionRate,
        BigDecimal revenue, long orders, BigDecimal averageOrderValue) {
}
