package dev.aisle.behavior.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computes KPI series. Without a category filter the sums come from {@code behavior.sessions}, which ingestion
 * keeps up to date in the same statement that inserts the events (about one row per ten events); with a category
 * filter the same sums are computed from the events on the category's products, as if the shop sold only that
 * category (a session counts when it has at least one such event, and only those events enter its figures; the
 * scan starts one day before {@code from}, so a client-defined session with category events more than a day before
 * {@code from} is attributed to its first event inside that window).
 */
@Repository
class KpiQueries {

    private final JdbcClient jdbc;

    KpiQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry per bucket in the range (zeros where nothing happened) and the total over the range. */
    KpiReport series(AnalyticsFilter filter, Interval interval) {
        // Two levels instead of count(distinct): per (bucket, user) and per user (the total), then per bucket, so
        // PostgreSQL hash-aggregates instead of sorting every session for the distinct users.
        String sql = "select bucket, sum(sessions), count(user_id), sum(page_views), sum(duration), sum(bounces),"
                + " sum(orders), sum(revenue) from (select bucket, user_id, count(*) as sessions,"
                + " sum(page_views) as page_views, sum(extract(epoch from ended_at - started_at)) as duration,"
                + " count(*) filter (where events = 1) as bounces, count(*) filter (where purchases > 0) as orders,"
                + " sum(revenue) as revenue"
                + " from (select date_trunc('" + interval.sqlField() + "', started_at at time zone 'UTC')::date"
                + " as bucket, src.* from (" + sessionSource(filter) + ") src) b"
                + " group by grouping sets ((bucket, user_id), (user_id))) u group by bucket";
        Map<LocalDate, SessionTotals> byBucket = new HashMap<>();
        SessionTotals[] total = {SessionTotals.EMPTY};
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), filter);
        spec.query((ResultSet rs) -> {
            LocalDate bucket = rs.getObject(1, LocalDate.class);
            SessionTotals totals = totals(rs);
            if (bucket == null) {
                total[0] = totals;
            } else {
                byBucket.put(bucket, totals);
            }
        });
        List<Kpis> buckets = new ArrayList<>();
        for (LocalDate b = interval.start(filter.from()); !b.isAfter(filter.to()); b = interval.next(b)) {
            buckets.add(byBucket.getOrDefault(b, SessionTotals.EMPTY).kpis(b));
        }
        return new KpiReport(interval.sqlField(), filter.from(), filter.to(), filter.category(), filter.segment(),
                total[0].kpis(null), buckets);
    }

    /** The per-session rows (session_id, user_id, started_at, ended_at, events, page_views, purchases, revenue). */
    static String sessionSource(AnalyticsFilter filter) {
        String segment = filter.segment() == null ? ""
                : " and %s in (select user_id from behavior.user_segments where segment_id = :segment)";
        if (filter.category() == null) {
            return "select session_id, user_id, started_at, ended_at, events, page_views, purchases, revenue"
                    + " from behavior.sessions where started_at >= :from and started_at < :to"
                    + segment.formatted("user_id");
        }
        return "select e.session_id, min(e.user_id) as user_id, min(e.occurred_at) as started_at,"
                + " max(e.occurred_at) as ended_at, count(*) as events,"
                + " count(*) filter (where e.type = 'view') as page_views,"
                + " count(*) filter (where e.type = 'purchase') as purchases,"
                + " coalesce(sum(e.value) filter (where e.type = 'purchase'), 0) as revenue"
                + " from behavior.events e join catalog.products p on p.id = e.product_id"
                + " where e.session_id is not null and e.occurred_at >= cast(:from as timestamptz) - interval '1 day'"
                + " and (p.category_path = :category or starts_with(p.category_path, :categoryPrefix))"
                + segment.formatted("e.user_id")
                + " group by e.session_id having min(e.occurred_at) >= :from and min(e.occurred_at) < :to";
    }

    /** Binds the named parameters the filter's SQL uses. */
    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AnalyticsFilter filter) {
        spec = spec.param("from", filter.start()).param("to", filter.end());
        if (filter.category() != null) {
            spec = spec.param("category", filter.category()).param("categoryPrefix", filter.categoryPrefix());
        }
        if (filter.segment() != null) {
            spec = spec.param("segment", filter.segment());
        }
        return spec;
    }

    private static SessionTotals totals(ResultSet rs) throws SQLException {
        return new SessionTotals(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6),
                rs.getLong(7), rs.getBigDecimal(8) == null ? BigDecimal.ZERO : rs.getBigDecimal(8));
    }

    /** A KPI series with its total. */
    record KpiReport(String interval, LocalDate from, LocalDate to, String category, Integer segment, Kpis total,
            List<Kpis> series) {
    }
}
