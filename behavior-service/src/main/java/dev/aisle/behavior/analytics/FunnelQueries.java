package dev.aisle.behavior.analytics;

import dev.aisle.common.event.EventType;
import dev.aisle.support.error.BadRequestException;
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

    FunnelQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * @param withinDays {@code null} for the session mode; N for the user mode with an N-day window
     */
    FunnelReport funnel(AnalyticsFilter filter, List<EventType> steps, Integer withinDays) {
        if (withinDays != null && (withinDays < 1 || withinDays > 365)) {
            throw new BadRequestException("withinDays must be between 1 and 365, got " + withinDays);
        }
        String key = withinDays == null ? "session_id" : "user_id";
        String segment = filter.segment() == null ? ""
                : " and user_id in (select user_id from behavior.user_segments where segment_id = :segment)";
        StringBuilder sql = new StringBuilder("with s0 as (select distinct on (k) k, occurred_at as t, id,"
                + " occurred_at as t0 from (select " + key + " as k, occurred_at, id from behavior.events"
                + " where type = :t0 and occurred_at >= :from and occurred_at < :to and " + key + " is not null"
                + segment + ") x order by k, occurred_at, id)");
        for (int i = 1; i < steps.size(); i++) {
            sql.append(", s").append(i).append(" as (select distinct on (p.k) p.k, e.occurred_at as t, e.id, p.t0")
                    .append(" from s").append(i - 1).append(" p join behavior.events e on e.").append(key)
                    .append(" = p.k where e.type = :t").append(i)
                    .append(" and (e.occurred_at > p.t or (e.occurred_at = p.t and e.id > p.id))");
            if (withinDays != null) {
                sql.append(" and e.occurred_at <= p.t0 + make_interval(days => :days)");
            }
            sql.append(" order by p.k, e.occurred_at, e.id)");
        }
        sql.append(" select ");
        for (int i = 0; i < steps.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from s").append(i).append(")");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString())
                .param("from", filter.start()).param("to", filter.end());
        for (int i = 0; i < steps.size(); i++) {
            spec = spec.param("t" + i, steps.get(i).wireName());
        }
        if (withinDays != null) {
            spec = spec.param("days", withinDays);
        }
        if (filter.segment() != null) {
            spec = spec.param("segment", filter.segment());
        }
        long[] counts = spec.query((rs, n) -> {
            long[] c = new long[steps.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = rs.getLong(i + 1);
            }
            return c;
        }).single();
        return FunnelReport.of(filter, steps, withinDays, counts);
    }
}
