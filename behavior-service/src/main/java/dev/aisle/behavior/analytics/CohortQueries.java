package dev.aisle.behavior.analytics;

import dev.aisle.behavior.event.RollupFolder;
import dev.aisle.support.error.BadRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Weekly retention cohorts: a user belongs to the ISO week (Monday, UTC) of the first session the store has of
 * them, and is active in a week when one of their sessions starts in it. Row = cohorts whose week starts in the
 * weeks of [from, to]; column k = share of the cohort active k weeks after its first week (column 0 is 1).
 *
 * <p>The whole shop reads {@code user_activity} (each user's sorted days with a session start): the cohort week
 * is that of the first day, and week k is active when {@code width_bucket} (a binary search) finds a day in it. With
 * a category, users and activity are those of the category's sessions ({@code session_categories}: the sessions
 * restricted to the category's events, as in the KPIs).
 */
@Repository
class CohortQueries {

    private final JdbcClient jdbc;

    private final RollupFolder folder;

    CohortQueries(JdbcClient jdbc, RollupFolder folder) {
        this.jdbc = jdbc;
        this.folder = folder;
    }

    CohortTable cohorts(AnalyticsFilter filter, int weeks) {
        if (weeks < 1 || weeks > 52) {
            throw new BadRequestException("weeks must be between 1 and 52, got " + weeks);
        }
        folder.foldPending();
        String segment = filter.segment() == null ? ""
                : " and user_id in (select user_id from behavior.user_segments where segment_id = :segment)";
        String sql;
        if (filter.category() == null) {
            // Day 0 (2000-01-01) is a Saturday: a day number d lies (d + 5) % 7 days after its week's Monday.
            // OFFSET 0 computes each user's cohort week once instead of inlining it into every expression.
            sql = "select date '2000-01-01' + fw, k, count(*) from (select days, fw from (select days,"
                    + " days[1] - (days[1] + 5) % 7 as fw from behavior.user_activity where cardinality(days) > 0"
                    + segment + " offset 0) v"
                    + " where fw >= :fromWeek - date '2000-01-01' and fw <= :toWeek - date '2000-01-01' offset 0) u"
                    + " cross join generate_series(0, :weeks) k"
                    + " where width_bucket(fw + 7 * k + 6, days) > width_bucket(fw + 7 * k - 1, days)"
                    + " group by 1, 2 order by 1, 2";
        } else {
            // One scan of the category's sessions: each user's active weeks, then the first of them.
            sql = "with w as (select user_id, date_trunc('week', started_at at time zone 'UTC')::date as week"
                    + " from behavior.session_categories where category = :category and user_id is not null"
                    + " group by 1, 2),"
                    + " cohort as (select user_id, min(week) as fw from w group by user_id),"
                    + " members as (select user_id, fw from cohort where fw >= :fromWeek and fw <= :toWeek"
                    + segment + ")"
                    + " select m.fw, (w.week - m.fw) / 7 as k, count(*) from members m"
                    + " join w on w.user_id = m.user_id where w.week - m.fw <= 7 * :weeks"
                    + " group by 1, 2 order by 1, 2";
        }
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("fromWeek", Interval.WEEK.start(filter.from()))
                .param("toWeek", Interval.WEEK.start(filter.to()))
                .param("weeks", weeks);
        if (filter.category() != null) {
            spec = spec.param("category", filter.category());
        }
        if (filter.segment() != null) {
            spec = spec.param("segment", filter.segment());
        }
        Map<LocalDate, long[]> active = new LinkedHashMap<>();
        spec.query((java.sql.ResultSet rs) -> {
            long[] row = active.computeIfAbsent(rs.getObject(1, LocalDate.class), w -> new long[weeks + 1]);
            row[rs.getInt(2)] = rs.getLong(3);
        });
        List<CohortTable.Cohort> rows = new ArrayList<>();
        active.forEach((week, counts) -> rows.add(CohortTable.Cohort.of(week, counts)));
        return new CohortTable(filter.from(), filter.to(), filter.category(), filter.segment(), weeks, rows);
    }
}
