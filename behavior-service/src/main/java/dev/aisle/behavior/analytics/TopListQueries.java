package dev.aisle.behavior.analytics;

import dev.aisle.behavior.event.RollupFolder;
import dev.aisle.support.error.BadRequestException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top products, categories and queries over the events whose own time lies in the range (not the session start).
 * Ties break by id or name, so the lists are deterministic. Queries are grouped by lower-cased, trimmed text.
 * Products and categories read the per-(day, product) counters ingestion keeps in {@code product_daily} (categories
 * from the catalogue as it is now) and queries the per-(day, query) counters of {@code query_daily}; with a segment
 * filter products and categories read {@code segment_product_daily} (built with each segment recompute) plus the
 * segment's events newer than its watermark, and queries read the events of the segment's users.
 */
@Repository
class TopListQueries {

    /** Most rows a top list returns. */
    static final int MAX_LIMIT = 1_000;

    private final JdbcClient jdbc;

    private final RollupFolder folder;

    private final TransactionTemplate snapshot;

    TopListQueries(JdbcClient jdbc, PlatformTransactionManager transactions, RollupFolder folder) {
        this.jdbc = jdbc;
        this.folder = folder;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Products by {@code views}, {@code carts}, {@code purchases} or {@code revenue}. */
    List<ProductCount> products(AnalyticsFilter filter, String metric, int limit) {
        folder.foldPending();
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
        String sql = "select e.product_id, " + SEGMENT_COUNTS + " from " + SEGMENT_ROWS + categoryJoin(filter)
                + " group by e.product_id order by " + order + " desc, e.product_id limit :limit";
        int checked = checkLimit(limit);
        return inSnapshot(() -> KpiQueries.bind(jdbc.sql(sql), filter).param("fromDay", filter.from())
                .param("toDay", filter.to()).param("watermark", watermark()).param("limit", checked)
                .query((rs, n) -> new ProductCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5)))
                .list());
    }

    /** Categories (path truncated to {@code level} levels, 0 = full path) by the metric. */
    List<CategoryCount> categories(AnalyticsFilter filter, String metric, int level, int limit) {
        if (level < 0 || level > 10) {
            throw new BadRequestException("level must be between 0 and 10, got " + level);
        }
        folder.foldPending();
        String path = level == 0 ? "p.category_path"
                : "array_to_string((string_to_array(p.category_path, ' > '))[1\\:" + level + "], ' > ')";
        String join = filter.category() == null ? " join catalog.products p on p.id = e.product_id" : categoryJoin(
                filter);
        String sql = filter.segment() == null
                ? "select " + path + " as category, " + DAILY_COUNTS + " from behavior.product_daily r"
                        + join.replace("e.product_id", "r.product_id") + DAILY_WHERE
                        + " and p.category_path is not null group by 1 order by " + orderColumn(metric)
                        + " desc, 1 limit :limit"
                : "select " + path + " as category, " + SEGMENT_COUNTS + " from " + SEGMENT_ROWS + join
                        + " where p.category_path is not null"
                        + " group by 1 order by " + orderColumn(metric) + " desc, 1 limit :limit";
        int checked = checkLimit(limit);
        if (filter.segment() == null) {
            return categoryCounts(sql, filter, checked, 0);
        }
        return inSnapshot(() -> categoryCounts(sql, filter, checked, watermark()));
    }

    private List<CategoryCount> categoryCounts(String sql, AnalyticsFilter filter, int limit, long watermark) {
        JdbcClient.StatementSpec spec = KpiQueries.bind(jdbc.sql(sql), filter).param("fromDay", filter.from())
                .param("toDay", filter.to()).param("limit", limit);
        if (filter.segment() != null) {
            spec = spec.param("watermark", watermark);
        }
        return spec.query((rs, n) -> new CategoryCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    /**
     * The event id up to which {@code segment_product_daily} counts the events (0 before the first build: then
     * every event is in the tail, which is still exact).
     */
    private long watermark() {
        return jdbc.sql("select coalesce((select max_event_id from behavior.segment_rollup_watermark), 0)")
                .query(Long.class).single();
    }

    /**
     * Runs a segment top list in one read-only REPEATABLE READ snapshot, so the watermark read first and the
     * rollup summed next belong to the same segment recompute (which replaces both in one transaction).
     */
    private <T> List<T> inSnapshot(java.util.function.Supplier<List<T>> query) {
        return snapshot.execute(status -> query.get());
    }

    /** Search queries by number of searches; {@code zeroResultsOnly} keeps searches that found nothing. */
    List<QueryCount> queries(AnalyticsFilter filter, boolean zeroResultsOnly, int limit) {
        if (filter.category() != null) {
            throw new BadRequestException("Search queries have no category; drop the category filter");
        }
        folder.foldPending();
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

    /**
     * A segment's product rows in the range: the {@code segment_product_daily} rows of the days (events up to the
     * watermark, for the segment map the rollup was built with, which is the current one) plus one row per event
     * after the watermark of a user now in the segment (the tail since the last recompute, read by primary key).
     * The watermark is bound as a value so the planner sees how few events lie above it.
     */
    private static final String SEGMENT_ROWS = "(select product_id, views, carts, purchases, revenue"
            + " from behavior.segment_product_daily where segment_id = :segment and day >= :fromDay"
            + " and day <= :toDay"
            + " union all select x.product_id, (x.type = 'view')::int, (x.type = 'add_to_cart')::int,"
            + " (x.type = 'purchase')::int, case when x.type = 'purchase' then x.value end"
            + " from behavior.events x join behavior.user_segments u on u.user_id = x.user_id"
            + " and u.segment_id = :segment where x.id > :watermark and x.occurred_at >= :from"
            + " and x.occurred_at < :to and x.product_id is not null) e";

    /** Views, carts, purchases and purchase revenue summed over {@link #SEGMENT_ROWS}. */
    private static final String SEGMENT_COUNTS = "sum(e.views) as views, sum(e.carts) as carts,"
            + " sum(e.purchases) as purchases, coalesce(sum(e.revenue), 0) as revenue";

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
