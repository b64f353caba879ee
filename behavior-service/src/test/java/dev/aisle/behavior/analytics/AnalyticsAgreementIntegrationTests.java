package dev.aisle.behavior.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.BehaviorIntegrationTest;
import dev.aisle.behavior.profile.SegmentService;
import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import dev.aisle.common.product.Product;
import dev.aisle.simulator.ShopSimulator;
import dev.aisle.simulator.SimulationParameters;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SQL analytics agree exactly with {@link ReferenceAnalytics} on simulator events ingested through the API
 * (so the incrementally maintained sessions and rollups are checked too). The events arrive shuffled (sessions
 * grow backwards, starts move across midnight), in batches of which some are sent twice and some overlap, and one
 * shopper in ten sends no session id (server-side sessionisation).
 */
class AnalyticsAgreementIntegrationTests extends BehaviorIntegrationTest {

    private static final SimulationParameters PARAMETERS = SimulationParameters.defaults().withProducts(300)
            .withUsers(80).withDays(28).withSeed(7);

    private static boolean loaded;

    @Autowired
    KpiQueries kpis;

    @Autowired
    FunnelQueries funnels;

    @Autowired
    CohortQueries cohorts;

    @Autowired
    TopListQueries tops;

    @Autowired
    SegmentService segments;

    @BeforeEach
    void loadSimulation() {
        if (loaded) {
            return;
        }
        ShopSimulator simulator = new ShopSimulator(PARAMETERS);
        for (Product p : simulator.products()) {
            jdbc.sql("insert into catalog.products (id, title, brand, category_path, price, in_stock)"
                            + " values (:id, :title, :brand, :path, :price, :stock) on conflict (id) do nothing")
                    .param("id", p.id()).param("title", p.title()).param("brand", p.brand())
                    .param("path", String.join(" > ", p.categoryPath())).param("price", p.price())
                    .param("stock", p.inStock()).update();
        }
        List<BehaviorEvent> events = new ArrayList<>(simulator.events().map(e -> e.userId() != null
                && Math.floorMod(e.userId().hashCode(), 10) == 0 ? withoutSession(e) : e).toList());
        assertThat(events).hasSizeGreaterThan(1000);
        java.util.Collections.shuffle(events, new java.util.Random(5));
        for (int i = 0; i < events.size(); i += 1500) {
            // Each batch overlaps the previous one by 500 events, and every fourth batch is sent twice.
            List<BehaviorEvent> batch = events.subList(Math.max(0, i - 500), Math.min(events.size(), i + 1500));
            StringBuilder body = new StringBuilder();
            for (BehaviorEvent e : batch) {
                body.append(JSON.writeValueAsString(e)).append('\n');
            }
            for (int send = 0; send < (i % 6000 == 0 ? 2 : 1); send++) {
                Answer answer = post("/api/v1/events", "application/x-ndjson", body.toString());
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().get("rejected").asInt()).isZero();
            }
        }
        assertThat(jdbc.sql("select count(*) from behavior.events where event_id = any(:ids)")
                .param("ids", events.stream().map(BehaviorEvent::eventId).toArray(String[]::new))
                .query(Long.class).single()).isEqualTo(events.size());
        segments.recompute();
        loaded = true;
    }

    private static BehaviorEvent withoutSession(BehaviorEvent e) {
        return new BehaviorEvent(e.eventId(), e.type(), e.userId(), null, e.productId(), e.query(), e.resultCount(),
                e.quantity(), e.value(), e.timestamp(), e.properties());
    }

    private ReferenceAnalytics reference() {
        Map<String, String> categories = new HashMap<>();
        jdbc.sql("select id, category_path from catalog.products").query((java.sql.ResultSet rs) -> {
            categories.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Integer> membership = new HashMap<>();
        jdbc.sql("select user_id, segment_id from behavior.user_segments").query((java.sql.ResultSet rs) -> {
            membership.put(rs.getString(1), rs.getInt(2));
        });
        List<ReferenceAnalytics.Event> events = jdbc.sql("select id, type, user_id, session_id, product_id, query,"
                        + " result_count, value, occurred_at from behavior.events")
                .query((rs, n) -> new ReferenceAnalytics.Event(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7),
                        rs.getBigDecimal(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
                        categories.get(rs.getString(5))))
                .list();
        return new ReferenceAnalytics(events, membership);
    }

    /** No filter, a category, and the two segments holding most simulated sessions in the range. */
    private List<AnalyticsFilter> filters() {
        LocalDate from = LocalDate.of(2026, 1, 3);
        LocalDate to = LocalDate.of(2026, 1, 24);
        folder.foldPending();
        List<Integer> busiest = jdbc.sql("select u.segment_id from behavior.sessions s join behavior.user_segments u"
                        + " using (user_id) where s.started_at >= '2026-01-03' and s.started_at < '2026-01-25'"
                        + " group by 1 order by count(*) desc, 1 limit 2")
                .query(Integer.class).list();
        List<AnalyticsFilter> filters = new ArrayList<>(List.of(new AnalyticsFilter(from, to, null, null),
                new AnalyticsFilter(from, to, "Sports", null)));
        busiest.forEach(segment -> filters.add(new AnalyticsFilter(from, to, null, segment)));
        assertThat(filters).hasSize(4);
        return filters;
    }

    @Test
    void kpiSeriesAgreeWithTheJavaFormulation() {
        ReferenceAnalytics reference = reference();
        for (AnalyticsFilter filter : filters()) {
            for (Interval interval : Interval.values()) {
                KpiQueries.KpiReport report = kpis.series(filter, interval);
                List<Kpis> actual = new ArrayList<>();
                actual.add(report.total());
                actual.addAll(report.series());
                List<LocalDate> periods = report.series().stream().map(Kpis::period).toList();

                assertThat(report.total().sessions()).isPositive();
                assertThat(actual).usingRecursiveFieldByFieldElementComparator(
                                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                        .withComparatorForType(java.math.BigDecimal::compareTo,
                                                java.math.BigDecimal.class).build())
                        .as("%s by %s", filter, interval)
                        .containsExactlyElementsOf(reference.kpis(filter, interval, periods));
            }
        }
    }

    @Test
    void funnelsAgreeWithTheJavaFormulation() {
        ReferenceAnalytics reference = reference();
        List<EventType> steps = List.of(EventType.VIEW, EventType.ADD_TO_CART, EventType.PURCHASE);
        for (AnalyticsFilter filter : filters()) {
            for (Integer window : new Integer[] {null, 3}) {
                long[] expected = reference.funnel(filter, steps.stream().map(EventType::wireName).toList(), window);
                FunnelReport report = funnels.funnel(filter, steps, window);

                assertThat(report.steps().stream().mapToLong(FunnelReport.Step::count).toArray())
                        .as("%s within %s", filter, window).containsExactly(expected);
                if (filter.segment() == null && filter.category() == null) {
                    assertThat(expected[2]).isPositive();
                }
            }
        }
    }

    @Test
    void cohortsAgreeWithTheJavaFormulation() {
        ReferenceAnalytics reference = reference();
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 20);
        for (AnalyticsFilter filter : List.of(new AnalyticsFilter(from, to, null, null),
                new AnalyticsFilter(from, to, "Sports", null), new AnalyticsFilter(from, to, null, 0),
                new AnalyticsFilter(from, to, "Home", 1))) {
            CohortTable table = cohorts.cohorts(filter, 3);
            Map<LocalDate, List<Long>> actual = new LinkedHashMap<>();
            table.cohorts().forEach(c -> actual.put(c.week(), c.active()));
            Map<LocalDate, List<Long>> expected = new LinkedHashMap<>();
            reference.cohorts(filter, 3).forEach((week, row) -> expected.put(week,
                    java.util.Arrays.stream(row).boxed().toList()));

            assertThat(actual).as("%s", filter).isEqualTo(expected);
            if (filter.segment() == null) {
                assertThat(actual).isNotEmpty();
            }
        }
    }

    @Test
    void topListsAgreeWithTheJavaFormulation() {
        ReferenceAnalytics reference = reference();
        AnalyticsFilter filter = filters().get(0);

        List<Map.Entry<String, Long>> views = reference.productViews(filter).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).toList();
        List<Map.Entry<String, Long>> zero = reference.zeroResultQueries(filter).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).toList();

        assertThat(tops.products(filter, "views", 20).stream().map(p -> Map.entry(p.productId(), p.views())).toList())
                .isEqualTo(views);
        assertThat(tops.queries(filter, true, 20).stream().map(q -> Map.entry(q.query(), q.zeroResultSearches()))
                .toList()).isEqualTo(zero).isNotEmpty();
        AnalyticsFilter segment = filters().get(2);
        assertThat(tops.queries(segment, true, 20).stream().map(q -> Map.entry(q.query(), q.zeroResultSearches()))
                .toList()).isEqualTo(reference.zeroResultQueries(segment).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).toList());
        for (AnalyticsFilter f : List.of(segment, new AnalyticsFilter(filter.from(), filter.to(), "Sports", null))) {
            assertThat(tops.products(f, "views", 20).stream().map(p -> Map.entry(p.productId(), p.views()))
                    .toList()).as("%s", f).isEqualTo(reference.productViews(f).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(20).toList());
        }
    }

    /**
     * Segment-filtered top products and categories (every metric, by product, by full and first-level category,
     * with and without a category filter) equal the raw computation right after a segment recompute (all from
     * {@code segment_product_daily}), after more events arrive (rollup + tail above the watermark), and after the
     * next recompute folds them in.
     */
    @Test
    void segmentTopListsAgreeBeforeAndAfterLaterEvents() {
        segments.recompute();
        assertThat(watermark()).isEqualTo(maxEventId());
        assertThat(jdbc.sql("select count(*) from behavior.segment_product_daily").query(Long.class).single())
                .isPositive();
        assertSegmentTopListsAgree("right after a recompute");

        // Copies (new event ids) of every fifth product event of the simulation: same users, days and products.
        List<BehaviorEvent> copies = new ShopSimulator(PARAMETERS).events()
                .filter(e -> e.productId() != null && Math.floorMod(e.eventId().hashCode(), 5) == 0)
                .map(e -> new BehaviorEvent(e.eventId() + "-again", e.type(), e.userId(), e.sessionId(),
                        e.productId(), e.query(), e.resultCount(), e.quantity(), e.value(), e.timestamp(),
                        e.properties()))
                .toList();
        for (int i = 0; i < copies.size(); i += 1500) {
            StringBuilder body = new StringBuilder();
            for (BehaviorEvent e : copies.subList(i, Math.min(copies.size(), i + 1500))) {
                body.append(JSON.writeValueAsString(e)).append('\n');
            }
            Answer answer = post("/api/v1/events", "application/x-ndjson", body.toString());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("rejected").asInt()).isZero();
        }
        long tail = jdbc.sql("select count(*) from behavior.events e join behavior.user_segments u using (user_id)"
                        + " where e.id > :w and e.product_id is not null")
                .param("w", watermark()).query(Long.class).single();
        assertThat(tail).isGreaterThan(100);
        assertSegmentTopListsAgree("with a tail of " + tail + " events above the watermark");

        segments.recompute();
        assertThat(watermark()).isEqualTo(maxEventId());
        assertSegmentTopListsAgree("after the next recompute");
    }

    private long watermark() {
        return jdbc.sql("select max_event_id from behavior.segment_rollup_watermark").query(Long.class).single();
    }

    private long maxEventId() {
        return jdbc.sql("select max(id) from behavior.events").query(Long.class).single();
    }

    private void assertSegmentTopListsAgree(String when) {
        ReferenceAnalytics reference = reference();
        List<AnalyticsFilter> filters = new ArrayList<>();
        for (AnalyticsFilter f : filters().subList(2, 4)) {
            filters.add(f);
            filters.add(new AnalyticsFilter(f.from(), f.to(), "Sports", f.segment()));
        }
        filters.add(new AnalyticsFilter(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 10), null, 0));
        int compared = 0;
        for (AnalyticsFilter f : filters) {
            for (String metric : List.of("views", "carts", "purchases", "revenue")) {
                List<ReferenceAnalytics.Counts> products = tops.products(f, metric, TopListQueries.MAX_LIMIT)
                        .stream().map(p -> new ReferenceAnalytics.Counts(p.productId(), p.views(), p.carts(),
                                p.purchases(), p.revenue().stripTrailingZeros()))
                        .toList();
                assertAgree(products, reference.topList(f, -1, metric, TopListQueries.MAX_LIMIT), metric,
                        "%s products by %s %s", f, metric, when);
                for (int level : new int[] {0, 1}) {
                    List<ReferenceAnalytics.Counts> categories = tops.categories(f, metric, level,
                                    TopListQueries.MAX_LIMIT)
                            .stream().map(c -> new ReferenceAnalytics.Counts(c.category(), c.views(), c.carts(),
                                    c.purchases(), c.revenue().stripTrailingZeros()))
                            .toList();
                    assertAgree(categories, reference.topList(f, level, metric, TopListQueries.MAX_LIMIT), metric,
                            "%s categories (level %d) by %s %s", f, level, metric, when);
                }
                compared += products.size();
            }
        }
        assertThat(compared).as(when).isPositive();
    }

    /** Same rows (the order of ties depends on the collation) and non-increasing in the metric. */
    private static void assertAgree(List<ReferenceAnalytics.Counts> actual, List<ReferenceAnalytics.Counts> expected,
            String metric, String description, Object... args) {
        assertThat(actual).as(description, args).containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 1; i < actual.size(); i++) {
            assertThat(actual.get(i).metric(metric)).as(description, args)
                    .isLessThanOrEqualTo(actual.get(i - 1).metric(metric));
        }
    }

    @Test
    void segmentsCoverEveryUserWithDistinctIds() {
        SegmentService.Segmentation current = segments.current();
        folder.foldPending();

        assertThat(current.segments()).hasSize(3);
        assertThat(current.segments().stream().mapToLong(SegmentService.Segment::size).sum())
                .isEqualTo(jdbc.sql("select count(distinct user_id) from behavior.sessions").query(Long.class)
                        .single());
        assertThat(current.segments()).isSortedAccordingTo(
                Comparator.comparingDouble((SegmentService.Segment s) -> -s.centroid().revenue()));
    }
}
