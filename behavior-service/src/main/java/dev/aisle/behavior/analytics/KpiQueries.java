package dev.aisle.behavior.analytics;

import dev.aisle.behavior.event.RollupFolder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computes KPI series from the rollups that ingestion maintains in the statement that inserts the events (see
 * {@code V2__analytics_rollups.sql} and ARCHITECTURE.md):
 *
 * <ul>
 *   <li>whole shop: additive sums and daily users from {@code kpi_daily} (one row per day); distinct users of a
 *       week, a month or the range from {@code user_activity} (each user's sorted active days, tested with
 *       {@code width_bucket}, a binary search);</li>
 *   <li>with a segment: the same sums per (day, user) from {@code user_daily}, joined to the current segment
 *       members, and distinct users from {@code user_activity};</li>
 *   <li>with a category: sums from {@code kpi_daily} of that category prefix (or, with a segment too, from
 *       {@code session_categories}), distinct users from {@code session_categories}.</li>
 * </ul>
 *
 * <p>A category restricts every session to its events on products of the category subtree, as if the shop sold
 * only that category: a session counts when it has at least one such event, starts at its first one, and only those
 * events enter its figures. The category of an event is its product's category when the event arrived.
 */
@Repository
class KpiQueries {

    /** Day numbers in {@code user_activity} count from this day. */
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    /** Most buckets whose distinct users are counted with one {@code width_bucket} pair each. */
    private static final int MAX_BUCKET_FILTERS = 40;

    private static final String SEGMENT_USERS =
            "select user_id from behavior.user_segments where segment_id = :segment";

    private final JdbcClient jdbc;

    private final RollupFolder folder;

    KpiQueries(JdbcClient jdbc, RollupFolder folder) {
        this.jdbc = jdbc;
        this.folder = folder;
    }

    /** One entry per bucket in the range (zeros where nothing happened) and the total over the range. */
    KpiReport series(AnalyticsFilter filter, Interval interval) {
        folder.foldPending();
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate b = interval.start(filter.from()); !b.isAfter(filter.to()); b = interval.next(b)) {
            starts.add(b);
        }
        Map<LocalDate, Sums> byBucket = new HashMap<>();
        Sums total = new Sums();
        // Additive sums per day (and, where the rollup has them, users per day).
        jdbc.sql(dailySql(filter)).params(params(filter)).query((ResultSet rs) -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            Sums bucket = byBucket.computeIfAbsent(interval.start(day), d -> new Sums());
            bucket.add(rs);
            total.add(rs);
        });
        // Distinct users per bucket and over the range.
        Map<LocalDate, Long> users = new HashMap<>();
        long totalUsers;
        if (filter.category() == null) {
            if (interval == Interval.DAY) {
                byBucket.forEach((day, sums) -> users.put(day, sums.dayUsers));
                totalUsers = activeUsers(filter, List.<LocalDate[]>of(new LocalDate[] {filter.from(), filter.to()}))
                        .get(0);
            } else {
                List<LocalDate[]> ranges = new ArrayList<>();
                for (LocalDate start : starts) {
                    LocalDate first = start.isBefore(filter.from()) ? filter.from() : start;
                    LocalDate last = interval.next(start).minusDays(1);
                    ranges.add(new LocalDate[] {first, last.isAfter(filter.to()) ? filter.to() : last});
                }
                ranges.add(new LocalDate[] {filter.from(), filter.to()});
                List<Long> counts = activeUsers(filter, ranges);
                for (int i = 0; i < starts.size(); i++) {
                    users.put(starts.get(i), counts.get(i));
                }
                totalUsers = counts.get(starts.size());
            }
        } else {
            totalUsers = categoryUsers(filter, interval, users);
        }
        List<Kpis> buckets = new ArrayList<>();
        for (LocalDate b : starts) {
            Sums sums = byBucket.getOrDefault(b, new Sums());
            buckets.add(sums.totals(users.getOrDefault(b, 0L)).kpis(b));
        }
        return new KpiReport(interval.sqlField(), filter.from(), filter.to(), filter.category(), filter.segment(),
                total.totals(totalUsers).kpis(null), buckets);
    }

    /** Per-day rows: day, sessions, users (whole shop only), page views, duration, bounces, orders, revenue. */
    private static String dailySql(AnalyticsFilter filter) {
        if (filter.segment() == null) {
            return "select day, sessions, users, page_views, duration, bounces, orders, revenue"
                    + " from behavior.kpi_daily where category = :category and day >= :fromDay and day <= :toDay";
        }
        if (filter.category() == null) {
            return "select day, sum(sessions), count(*) filter (where sessions > 0), sum(page_views), sum(duration),"
                    + " sum(bounces), sum(orders), sum(revenue) from behavior.user_daily"
                    + " where day >= :fromDay and day <= :toDay and user_id in (" + SEGMENT_USERS + ") group by day";
        }
        return "select (started_at at time zone 'UTC')::date, count(*), 0, sum(page_views),"
                + " sum(extract(epoch from ended_at - started_at)), count(*) filter (where events = 1),"
                + " count(*) filter (where purchases > 0), sum(revenue) from behavior.session_categories"
                + " where category = :category and started_at >= :from and started_at < :to"
                + " and user_id in (" + SEGMENT_USERS + ") group by 1";
    }

    /**
     * Users with a session starting in each inclusive day range, from {@code user_activity}: a user is active in
     * [a, b] when fewer of their days are ≤ a − 1 than are ≤ b.
     */
    private List<Long> activeUsers(AnalyticsFilter filter, List<LocalDate[]> ranges) {
        String where = filter.segment() == null ? "" : " where user_id in (" + SEGMENT_USERS + ")";
        List<Long> counts = new ArrayList<>();
        if (ranges.size() > MAX_BUCKET_FILTERS) {
            // Many buckets (a long range): one pass over the active days instead of a filter per bucket.
            Map<LocalDate, Long> byStart = new HashMap<>();
            LocalDate[] all = ranges.get(ranges.size() - 1);
            String sql = "select b, count(distinct user_id) from (select user_id, :bucket as b"
                    + " from behavior.user_activity, unnest(days) d where d between :dayA and :dayB"
                    + (filter.segment() == null ? "" : " and user_id in (" + SEGMENT_USERS + ")") + ") x group by b";
            // The bucket of a day number is the start of the range holding it; ranges are consecutive.
            StringBuilder bucket = new StringBuilder("case");
            for (int i = 0; i < ranges.size() - 1; i++) {
                bucket.append(" when d <= ").append(day(ranges.get(i)[1])).append(" then ").append(i);
            }
            bucket.append(" end");
            jdbc.sql(sql.replace(":bucket", bucket.toString())).params(params(filter))
                    .param("dayA", day(all[0])).param("dayB", day(all[1]))
                    .query((ResultSet rs) -> {
                        byStart.put(ranges.get(rs.getInt(1))[0], rs.getLong(2));
                    });
            for (int i = 0; i < ranges.size() - 1; i++) {
                counts.add(byStart.getOrDefault(ranges.get(i)[0], 0L));
            }
            counts.add(activeUsers(filter, List.<LocalDate[]>of(all)).get(0));
            return counts;
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) filter (where width_bucket(")
                    .append(day(ranges.get(i)[1])).append(", days) > width_bucket(")
                    .append(day(ranges.get(i)[0]) - 1).append(", days))");
        }
        sql.append(" from behavior.user_activity").append(where);
        return jdbc.sql(sql.toString()).params(params(filter)).query((rs, n) -> {
            List<Long> row = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                row.add(rs.getLong(i + 1));
            }
            return row;
        }).single();
    }

    /** Distinct users of the category's sessions per bucket (into {@code users}); returns those of the range. */
    private long categoryUsers(AnalyticsFilter filter, Interval interval, Map<LocalDate, Long> users) {
        String source = " from behavior.session_categories where category = :category and started_at >= :from"
                + " and started_at < :to and user_id is not null"
                + (filter.segment() == null ? "" : " and user_id in (" + SEGMENT_USERS + ")");
        jdbc.sql("select b, count(*) from (select date_trunc('" + interval.sqlField()
                        + "', started_at at time zone 'UTC')::date as b, user_id" + source
                        + " group by 1, 2) x group by b")
                .params(params(filter))
                .query((ResultSet rs) -> {
                    users.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return jdbc.sql("select count(*) from (select user_id" + source + " group by user_id) x")
                .params(params(filter)).query(Long.class).single();
    }

    private static int day(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(EPOCH, date);
    }

    /** The named parameters the filter's SQL may use. */
    static Map<String, Object> params(AnalyticsFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", filter.start());
        params.put("to", filter.end());
        params.put("fromDay", filter.from());
        params.put("toDay", filter.to());
        params.put("category", filter.category() == null ? "" : filter.category());
        if (filter.category() != null) {
            params.put("categoryPrefix", filter.categoryPrefix());
        }
        if (filter.segment() != null) {
            params.put("segment", filter.segment());
        }
        return params;
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

    /** Additive sums of a bucket. */
    private static final class Sums {
        long sessions;
        long dayUsers;
        long pageViews;
        BigDecimal duration = BigDecimal.ZERO;
        long bounces;
        long orders;
        BigDecimal revenue = BigDecimal.ZERO;

        void add(ResultSet rs) throws SQLException {
            sessions += rs.getLong(2);
            dayUsers += rs.getLong(3);
            pageViews += rs.getLong(4);
            duration = duration.add(rs.getBigDecimal(5) == null ? BigDecimal.ZERO : rs.getBigDecimal(5));
            bounces += rs.getLong(6);
            orders += rs.getLong(7);
            revenue = revenue.add(rs.getBigDecimal(8) == null ? BigDecimal.ZERO : rs.getBigDecimal(8));
        }

        SessionTotals totals(long users) {
            return new SessionTotals(sessions, users, pageViews, duration, bounces, orders, revenue);
        }
    }

    /** A KPI series with its total. */
    record KpiReport(String interval, LocalDate from, LocalDate to, String category, Integer segment, Kpis total,
            List<Kpis> series) {
    }
}
