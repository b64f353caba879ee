package dev.aisle.behavior.analytics;

import dev.aisle.support.error.BadRequestException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Top products, categories and queries over the events whose own time lies in the range (not the session start).
 * Ties break by id or name, so the lists are deterministic. Queries are grouped by lower-cased, trimmed text.
 * Products and categories read the per-(day, product) counters ingestion keeps in {@code product_daily} (categories
 * from the catalogue as it is now) and queries the per-(day, query) counters of {@code query_daily}; with a segment
 * filter they read the events of the segment's users.
 */
@Repository
class TopListQueries {

    /** Most rows a top list returns. */
    static final int MAX_LIMIT = 1_000;

    private final JdbcClient jdbc;

    TopListQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Products by {@code views}, {@code carts}, {@code purchases} or {@code revenue}. */
    List<ProductCount> products(AnalyticsFilter filter, String metric, int limit) {
        String order = orderColumn(metric);
        if (filter.segment() == null) {
            String sql = "select r.product_id, " + DAILY_COUNTS + " from behavior.product_daily r"
                    + categoryJoin(filter).replace("e.product_id", "r.product_id") + DAILY_WHERE
                    + " group by r.product_id order by " + order + " desc, r.product_id limit :limit";
            return KpiQueries.bind(jdbc.sql(sql), filter).param("fromDay", filter.from()).param("toDay", filter.to())
                    .param("limit", checkLimit(limit))
                    .query((rs, n) -> new ProductCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getBigDecimal(5)))
                    .list();
        }
        String sql = "select e.product_id, " + COUNTS + " from " + SEGMENT_EVENTS + categoryJoin(filter)
                + " group by e.product_id order by " + order + " desc, e.product_id limit :limit";
        return KpiQueries.bind(jdbc.sql(sql), filter).param("limit", checkLimit(limit))
                .query((rs, n) -> new ProductCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    /** Categories (path truncated to {@code level} levels, 0 = full path) by the metric. */
    List<CategoryCount> categories(AnalyticsFilter filter, String metric, int level, int limit) {
        if (level < 0 || level > 10) {
            throw new BadRequestException("level must be between 0 and 10, got " + level);
        }
        String path = level == 0 ? "p.category_path"
                : "array_to_string((string_to_array(p.category_path, ' > '))[1\\:" + level + "], ' > ')";
        String join = filter.category() == null ? " join catalog.products p on p.id = e.product_id" : categoryJoin(
                filter);
        String sql = filter.segment() == null
                ? "select " + path + " as category, " + DAILY_COUNTS + " from behavior.product_daily r"
                        + join.replace("e.product_id", "r.product_id") + DAILY_WHERE
                        + " and p.category_path is not null group by 1 order by " + orderColumn(metric)
                        + " desc, 1 limit :limit"
                : "select " + path + " as category, " + COUNTS + " from " + SEGMENT_EVENTS + join
                        + " where p.category_path is not null"
                        + " group by 1 order by " + orderColumn(metric) + " desc, 1 limit :limit";
        return KpiQueries.bind(jdbc.sql(sql), filter).param("fromDay", filter.from()).param("toDay", filter.to())
                .param("limit", checkLimit(limit))
                .query((rs, n) -> new CategoryCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    /** Search queries by number of searches; {@code zeroResultsOnly} keeps searches that found nothing. */
    List<QueryCount> queries(AnalyticsFilter filter, boolean zeroResultsOnly, int limit) {
        if (filter.category() != null) {
            throw new BadRequestException("Search queries have no category; drop the category filter");
        }
        if (filter.segment() == null) {
            // As below: the zero-result list counts only the searches that found nothing.
            String sql = "select query, sum(" + (zeroResultsOnly ? "zero_results" : "searches")
                    + "), sum(zero_results) from behavior.query_daily where day >= :fromDay and day <= :toDay"
                    + " group by 1" + (zeroResultsOnly ? " having sum(zero_results) > 0" : "")
                    + " order by 2 desc, 1 limit :limit";
            return jdbc.sql(sql).param("fromDay", filter.from()).param("toDay", filter.to())
                    .param("limit", checkLimit(limit))
                    .query((rs, n) -> new QueryCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                    .list();
        }
        String sql = "select lower(btrim(e.query)) as q, count(*), count(*) filter (where e.result_count = 0)"
                + " from behavior.events e" + where(filter) + " and e.type = 'search' and e.query is not null"
                + (zeroResultsOnly ? " and e.result_count = 0" : "")
                + " group by 1 order by 2 desc, 1 limit :limit";
        return KpiQueries.bind(jdbc.sql(sql), filter).param("limit", checkLimit(limit))
                .query((rs, n) -> new QueryCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private static final String COUNTS = "count(*) filter (where e.type = 'view') as views,"
            + " count(*) filter (where e.type = 'add_to_cart') as carts,"
            + " count(*) filter (where e.type = 'purchase') as purchases,"
            + " coalesce(sum(e.value) filter (where e.type = 'purchase'), 0) as revenue";

    /**
     * The product events of a segment's users in the range, read user by user from the covering index on
     * (user_id, occurred_at) (OFFSET 0 keeps the planner from turning it back into a scan of all events).
     */
    private static final String SEGMENT_EVENTS = "(select user_id from behavior.user_segments"
            + " where segment_id = :segment) u cross join lateral (select x.type, x.product_id, x.value"
            + " from behavior.events x where x.user_id = u.user_id and x.occurred_at >= :from"
            + " and x.occurred_at < :to and x.product_id is not null offset 0) e";

    /** The same counts from the per-(day, product) rollup (events by the UTC day they occurred). */
    private static final String DAILY_COUNTS = "sum(r.views) as views, sum(r.carts) as carts,"
            + " sum(r.purchases) as purchases, sum(r.revenue) as revenue";

    private static final String DAILY_WHERE = " where r.day >= :fromDay and r.day <= :toDay";

    private static String categoryJoin(AnalyticsFilter filter) {
        return filter.category() == null ? "" : " join catalog.products p on p.id = e.product_id"
                + " and (p.category_path = :category or starts_with(p.category_path, :categoryPrefix))";
    }

    private static String where(AnalyticsFilter filter) {
        return " where e.occurred_at >= :from and e.occurred_at < :to" + (filter.segment() == null ? ""
                : " and e.user_id in (select user_id from behavior.user_segments where segment_id = :segment)");
    }

    private static String orderColumn(String metric) {
        return switch (metric == null ? "views" : metric.strip().toLowerCase(Locale.ROOT)) {
            case "views" -> "views";
            case "carts" -> "carts";
            case "purchases" -> "purchases";
            case "revenue" -> "revenue";
            default -> throw new BadRequestException(
                    "Unknown metric '" + metric + "', must be one of views, carts, purchases, revenue");
        };
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /** A product's counts in the range. */
    record ProductCount(String productId, long views, long carts, long purchases, BigDecimal revenue) {
    }

    /** A category's counts in the range. */
    record CategoryCount(String category, long views, long carts, long purchases, BigDecimal revenue) {
    }

    /** A query's counts in the range. */
    record QueryCount(String query, long searches, long zeroResultSearches) {
    }
}
