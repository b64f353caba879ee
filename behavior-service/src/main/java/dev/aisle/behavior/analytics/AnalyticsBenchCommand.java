package dev.aisle.behavior.analytics;

import dev.aisle.behavior.event.RollupFolder;
import dev.aisle.behavior.event.RollupProperties;
import dev.aisle.common.event.EventType;
import dev.aisle.simulator.ShopSimulator;
import dev.aisle.simulator.SimulationParameters;
import dev.aisle.support.db.EmbeddedPostgresLauncher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aisle bench analytics}: loads N simulator events straight into PostgreSQL (COPY) and times every KPI
 * query of the analytics API (p50 and max over the repetitions, after one warm-up).
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Load N simulator events into PostgreSQL and time each KPI query (p50/max).")
public class AnalyticsBenchCommand implements Callable<Integer> {

    @Option(names = "--events", description = "Events to load (default ${DEFAULT-VALUE}).")
    long events = 10_000_000;

    @Option(names = "--days", description = "Simulated days (default ${DEFAULT-VALUE}).")
    int days = 60;

    @Option(names = "--repeat", description = "Timed runs per query after one warm-up (default ${DEFAULT-VALUE}).")
    int repeat = 5;

    @Option(names = "--seed", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--db-url", description = "JDBC URL of an empty PostgreSQL; default: a temporary embedded one.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (default ${DEFAULT-VALUE}).")
    String dbUser = "postgres";

    @Option(names = "--db-password", description = "Database password (default empty).")
    String dbPassword = "";

    @Option(names = "--reuse", description = "Time the queries on the already loaded --db-url database (no load).")
    boolean reuse;

    /** For picocli. */
    public AnalyticsBenchCommand() {
    }

    @Override
    public Integer call() throws Exception {
        String url = dbUrl != null ? dbUrl : EmbeddedPostgresLauncher.temporary();
        int users = (int) Math.max(10, events / 95 * 60 / days);
        SimulationParameters parameters = SimulationParameters.defaults().withUsers(users).withDays(days)
                .withSeed(seed);
        if (reuse && dbUrl != null) {
            // Brings a database loaded by an older version up to date (e.g. builds the segment top-list rollup).
            Flyway.configure().dataSource(url, dbUser, dbPassword).schemas("behavior")
                    .locations("classpath:db/migration/behavior").load().migrate();
            try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, dbUser, dbPassword, true)) {
                timeAll(ds, parameters);
            }
            return 0;
        }
        Flyway.configure().dataSource(url, dbUser, dbPassword).schemas("behavior")
                .locations("classpath:db/migration/behavior").load().migrate();
        long loaded;
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword)) {
            loaded = new BenchLoader().load(connection, new ShopSimulator(parameters), events);
        }
        System.out.printf("loaded %,d events (%,d shoppers, %d days) in %.1f s%n", loaded, users, days,
                (System.nanoTime() - start) / 1e9);
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, dbUser, dbPassword, true)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            System.out.printf("sessions: %,d%n", jdbc.sql("select count(*) from behavior.sessions")
                    .query(Long.class).single());
            timeAll(ds, parameters);
        }
        return 0;
    }

    private void timeAll(SingleConnectionDataSource ds, SimulationParameters parameters) {
        JdbcClient jdbc = JdbcClient.create(ds);
        LocalDate from = LocalDate.ofInstant(parameters.start(), java.time.ZoneOffset.UTC);
        LocalDate to = from.plusDays(days - 1);
        AnalyticsFilter all = new AnalyticsFilter(from, to, null, null);
        RollupFolder folder = new RollupFolder(new JdbcTemplate(ds), new DataSourceTransactionManager(ds),
                new RollupProperties(0, null));
        KpiQueries kpis = new KpiQueries(jdbc, folder);
        FunnelQueries funnels = new FunnelQueries(jdbc, folder);
        CohortQueries cohorts = new CohortQueries(jdbc, folder);
        TopListQueries tops = new TopListQueries(jdbc, new DataSourceTransactionManager(ds), folder);
        List<EventType> steps = List.of(EventType.VIEW, EventType.ADD_TO_CART, EventType.PURCHASE);
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        AnalyticsFilter segment = new AnalyticsFilter(from, to, null, 0);
        AnalyticsFilter sports = new AnalyticsFilter(from, to, "Sports", null);
        queries.put("kpis day, " + days + " days", () -> kpis.series(all, Interval.DAY));
        queries.put("kpis week", () -> kpis.series(all, Interval.WEEK));
        queries.put("kpis month", () -> kpis.series(all, Interval.MONTH));
        queries.put("kpis day, segment 0", () -> kpis.series(segment, Interval.DAY));
        queries.put("kpis week, segment 0", () -> kpis.series(segment, Interval.WEEK));
        queries.put("kpis day, category Sports", () -> kpis.series(sports, Interval.DAY));
        queries.put("kpis week, category Sports, segment 0", () -> kpis.series(
                new AnalyticsFilter(from, to, "Sports", 0), Interval.WEEK));
        queries.put("kpis day, category Sports > Basketball, last 7 days", () -> kpis.series(
                new AnalyticsFilter(to.minusDays(6), to, "Sports > Basketball", null), Interval.DAY));
        queries.put("funnel session view>cart>purchase", () -> funnels.funnel(all, steps, null));
        queries.put("funnel session, last 7 days", () -> funnels.funnel(
                new AnalyticsFilter(to.minusDays(6), to, null, null), steps, null));
        queries.put("funnel session, segment 0", () -> funnels.funnel(segment, steps, null));
        queries.put("funnel user within 7 days", () -> funnels.funnel(all, steps, 7));
        queries.put("funnel user within 7 days, segment 0", () -> funnels.funnel(segment, steps, 7));
        queries.put("funnel session, category Sports, last 7 days", () -> funnels.funnel(
                new AnalyticsFilter(to.minusDays(6), to, "Sports", null), steps, null));
        queries.put("funnel session, category Sports", () -> funnels.funnel(sports, steps, null));
        queries.put("cohorts 8 weeks", () -> cohorts.cohorts(all, 8));
        queries.put("cohorts 8 weeks, segment 0", () -> cohorts.cohorts(segment, 8));
        queries.put("cohorts 8 weeks, category Sports", () -> cohorts.cohorts(sports, 8));
        queries.put("top products (views)", () -> tops.products(all, "views", 10));
        queries.put("top products (views), category Sports", () -> tops.products(sports, "views", 10));
        queries.put("top products (views), segment 0", () -> tops.products(segment, "views", 10));
        queries.put("top categories (revenue)", () -> tops.categories(all, "revenue", 0, 10));
        queries.put("top categories (revenue), segment 0", () -> tops.categories(segment, "revenue", 0, 10));
        queries.put("top queries", () -> tops.queries(all, false, 10));
        queries.put("zero-result queries", () -> tops.queries(all, true, 10));
        System.out.printf("%-52s %10s %10s%n", "query", "p50 ms", "max ms");
        queries.forEach((name, query) -> {
            query.get();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                long t = System.nanoTime();
                query.get();
                times.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(times);
            System.out.printf("%-52s %10.1f %10.1f%n", name, times.get(times.size() / 2),
                    times.get(times.size() - 1));
        });
    }
}
