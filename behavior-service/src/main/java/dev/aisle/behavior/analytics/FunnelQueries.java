package dev.aisle.behavior.analytics;

import dev.aisle.behavior.event.RollupFolder;
import dev.aisle.common.event.EventType;
import dev.aisle.support.error.BadRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ordered funnels. An entity (a session, or a user when a window of N days is given) enters the funnel at its
 * first step-1 event inside the range; it reaches step k when it has an event of step k's type strictly after the
 * event that matched step k−1 (ordered by time, then by the event's sequence id), in the same session, or — in the
 * user mode — no later than N days after its step-1 event. Matching takes the earliest qualifying event at each
 * step, which finds an ordered match whenever one exists from that entry.
 */
@Repository
class FunnelQueries {

    /** Most steps a funnel may have. */
    static final int MAX_STEPS = 10;

    private final JdbcClient jdbc;

    private final RollupFolder folder;

    FunnelQueries(JdbcClient jdbc, RollupFolder folder) {
        this.jdbc = jdbc;
        this.folder = folder;
    }

    /** Parses {@code view,add_to_cart,purchase}; unknown types, fewer than 2 or more than 10 steps are a 400. */
    static List<EventType> parseSteps(String steps) {
        if (steps == null || steps.isBlank()) {
            throw new BadRequestException("steps is required, e.g. steps=view,add_to_cart,purchase");
        }
        List<EventType> types = new ArrayList<>();
        for (String step : steps.split(",")) {
            try {
                types.add(EventType.fromWire(step));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("Unknown step type '" + step.strip() + "', must be one of "
                        + EventType.allowedValues());
            }
        }
        if (types.size() < 2 || types.size() > MAX_STEPS) {
            throw new BadRequestException("A funnel has 2 to " + MAX_STEPS + " steps, got " + types.size());
        }
        return types;
    }

    /**
     * The funnel's step counts.
     *
     * <p>Without a category the funnel reads the paths that ingestion keeps per session ({@code sessions.steps},
     * one code per event in time order, and {@code sessions.times}) or per user ({@code user_paths}) in one pass:
     * the entry is the first step-1 code among the events in [from, to) (located by {@code width_bucket}, a binary
     * search over the times), and step k is reached when the path from the entry (up to the last event within N
     * days in the user mode) matches {@code s1%s2%…sk%}: an ordered match exists exactly when the earliest-event
     * matching finds one. With a category the steps count only events on products of the category subtree: the
     * session mode reads the same paths of the sessions restricted to the category ({@code session_categories});
     * the user mode reads the events (one join per step).
     *
     * @param withinDays {@code null} for the session mode; N for the user mode with an N-day window
     */
    FunnelReport funnel(AnalyticsFilter filter, List<EventType> steps, Integer withinDays) {
        if (withinDays != null && (withinDays < 1 || withinDays > 365)) {
            throw new BadRequestException("withinDays must be between 1 and 365, got " + withinDays);
        }
        folder.foldPending();
        long[] counts = filter.category() == null || withinDays == null ? fromPaths(filter, steps, withinDays)
                : fromEvents(filter, steps, withinDays);
        return FunnelReport.of(filter, steps, withinDays, counts);
    }

    private long[] fromPaths(AnalyticsFilter filter, List<EventType> steps, Integer withinDays) {
        String segment = filter.segment() == null ? ""
                : " and user_id in (select user_id from behavior.user_segments where segment_id = :segment)";
        boolean sessions = withinDays == null;
        String source = sessions
                // Sessions overlapping the range start at most `longest` before it; only those crossing one of its
                // ends need a search over their times (the others are counted by the plain LIKE query below).
                ? "select steps, case when started_at >= :from then 1 else width_bucket(:fromMicros - 1, times) + 1"
                        + " end as lo, case when ended_at < :to then length(steps)"
                        + " else width_bucket(:toMicros - 1, times) end as hi, times"
                        + " from " + table(filter) + " where started_at >= :lower and started_at < :to"
                        + " and ended_at >= :from and (started_at < :from or ended_at >= :to)"
                        + categoryCondition(filter) + segment
                : "select steps, width_bucket(:fromMicros - 1, times) + 1 as lo,"
                        + " width_bucket(:toMicros - 1, times) as hi, times from behavior.user_paths where true"
                        + segment;
        String end = sessions ? "length(steps)"
                : "case when i1 > 0 then width_bucket(times[i1] + :window, times) else 0 end";
        StringBuilder sql = new StringBuilder("select count(*) filter (where i1 > 0)");
        StringBuilder inside = new StringBuilder("select count(*) filter (where strpos(steps, :c0) > 0)");
        StringBuilder pattern = new StringBuilder(code(steps.get(0)));
        for (int i = 1; i < steps.size(); i++) {
            pattern.append('%').append(code(steps.get(i)));
            sql.append(", count(*) filter (where i1 > 0 and substr(steps, i1, e - i1 + 1) like '")
                    .append(pattern).append("%')");
            inside.append(", count(*) filter (where steps like '%").append(pattern).append("%')");
        }
        // OFFSET 0 keeps each level from being inlined into every expression above it.
        sql.append(" from (select steps, i1, ").append(end).append(" as e from (")
                .append("select steps, times, case when p > 0 then lo + p - 1 else 0 end as i1 from (")
                .append("select steps, times, lo, strpos(substr(steps, lo, greatest(hi - lo + 1, 0)), :c0) as p")
                .append(" from (").append(source).append(" offset 0) a offset 0) b offset 0) c offset 0) d");
        if (sessions) {
            // Paths wholly inside the range: the entry is the first step-1 code, and an ordered match from it
            // exists exactly when one exists anywhere in the path.
            inside.append(" from ").append(table(filter)).append(" where started_at >= :from and started_at < :to")
                    .append(" and ended_at < :to").append(categoryCondition(filter)).append(segment);
            StringBuilder sum = new StringBuilder("select ");
            for (int i = 0; i < steps.size(); i++) {
                sum.append(i == 0 ? "" : ", ").append("sum(c").append(i).append(")");
            }
            String columns = String.join(", ", java.util.stream.IntStream.range(0, steps.size())
                    .mapToObj(i -> "c" + i).toList());
            sql = new StringBuilder(sum).append(" from (").append(inside).append(" union all ").append(sql)
                    .append(") x(").append(columns).append(")");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
                .param("from", filter.start()).param("to", filter.end())
                .param("fromMicros", micros(filter.start())).param("toMicros", micros(filter.end()))
                .param("c0", code(steps.get(0)));
        if (sessions) {
            // A literal lower bound (rather than a sub-select) lets the planner see how many sessions qualify.
            Duration longest = jdbc.sql("select extract(epoch from longest) from behavior.session_bounds")
                    .query((rs, n) -> Duration.ofNanos(rs.getBigDecimal(1).movePointRight(9).longValueExact()))
                    .optional().orElse(Duration.ZERO);
            spec = spec.param("lower", filter.start().minus(longest));
        } else {
            spec = spec.param("window", withinDays * 86_400_000_000L);
        }
        if (filter.category() != null) {
            spec = spec.param("category", filter.category());
        }
        if (filter.segment() != null) {
            spec = spec.param("segment", filter.segment());
        }
        return counts(spec, steps.size());
    }

    private static String table(AnalyticsFilter filter) {
        return filter.category() == null ? "behavior.sessions" : "behavior.session_categories";
    }

    private static String categoryCondition(AnalyticsFilter filter) {
        return filter.category() == null ? "" : " and category = :category";
    }

    private long[] fromEvents(AnalyticsFilter filter, List<EventType> steps, Integer withinDays) {
        String key = withinDays == null ? "session_id" : "user_id";
        String segment = filter.segment() == null ? ""
                : " and user_id in (select user_id from behavior.user_segments where segment_id = :segment)";
        String category = " and product_id in (select id from catalog.products where category_path = :category"
                + " or starts_with(category_path, :categoryPrefix))";
        StringBuilder sql = new StringBuilder("with s0 as (select distinct on (k) k, occurred_at as t, id,"
                + " occurred_at as t0 from (select " + key + " as k, occurred_at, id from behavior.events"
                + " where type = :t0 and occurred_at >= :from and occurred_at < :to and " + key + " is not null"
                + segment + category + ") x order by k, occurred_at, id)");
        for (int i = 1; i < steps.size(); i++) {
            sql.append(", s").append(i).append(" as (select distinct on (p.k) p.k, e.occurred_at as t, e.id, p.t0")
                    .append(" from s").append(i - 1).append(" p join behavior.events e on e.").append(key)
                    .append(" = p.k where e.type = :t").append(i)
                    .append(" and (e.occurred_at > p.t or (e.occurred_at = p.t and e.id > p.id))")
                    .append(category.replace("product_id", "e.product_id"));
            if (withinDays != null) {
                sql.append(" and e.occurred_at <= p.t0 + make_interval(secs => :seconds)");
            }
            sql.append(" order by p.k, e.occurred_at, e.id)");
        }
        sql.append(" select ");
        for (int i = 0; i < steps.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from s").append(i).append(")");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
                .param("from", filter.start()).param("to", filter.end())
                .param("category", filter.category()).param("categoryPrefix", filter.categoryPrefix());
        for (int i = 0; i < steps.size(); i++) {
            spec = spec.param("t" + i, steps.get(i).wireName());
        }
        if (withinDays != null) {
            spec = spec.param("seconds", withinDays * 86_400.0);
        }
        if (filter.segment() != null) {
            spec = spec.param("segment", filter.segment());
        }
        return counts(spec, steps.size());
    }

    private static long[] counts(JdbcClient.StatementSpec spec, int steps) {
        return spec.query((rs, n) -> {
            long[] c = new long[steps];
            for (int i = 0; i < c.length; i++) {
                c[i] = rs.getLong(i + 1);
            }
            return c;
        }).single();
    }

    private static long micros(java.time.OffsetDateTime at) {
        return at.toEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    /** The path code of a step type, as {@code behavior.step_code} writes it. */
    static String code(EventType type) {
        return switch (type) {
            case VIEW -> "v";
            case CLICK -> "c";
            case SEARCH -> "s";
            case ADD_TO_CART -> "a";
            case REMOVE_FROM_CART -> "r";
            case PURCHASE -> "p";
            case RATING -> "t";
        };
    }
}
