package dev.aisle.behavior.event;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes events to {@code behavior.events} in one statement per request: the rows travel as eleven arrays that
 * {@code unnest} turns into a set, inserted with {@code ON CONFLICT (event_id) DO NOTHING}; the same statement
 * copies the newly inserted rows (and only those, so a re-sent event never counts twice) into
 * {@code behavior.rollup_pending}, so events and pending rows commit together before the caller answers (durable and
 * idempotent). {@link RollupFolder} later folds the pending rows into {@code behavior.sessions} and the analytics
 * rollups with the fragments below ({@link #foldStatement}), in batches, serialised by an advisory lock; every
 * analytics and profile read folds first, so answers stay exact. Each touched session's state before the update
 * ({@code prev_*}, read under the row lock of the upsert) and after it give exact deltas for the day rollups, also
 * when an out-of-order event moves a session's start to another day or an earlier batch touched it first.
 * Paths are aggregated from an input sorted by (key, occurred_at, id): one sort instead of one per group (the
 * aggregates receive rows in input order; the rebuild-equality test checks the result). The fold's sort and group
 * keys are compared {@code collate "C"} (byte order, with abbreviated keys): grouping by a deterministic collation is
 * grouping by equal bytes, so the groups and their in-group order are the same as under the database collation,
 * only cheaper; the step code and event time of a row are computed once, in the pending delete's
 * {@code RETURNING}; category prefixes are expanded once per distinct category path of the batch. Server-side
 * sessions are assigned in the ingest transaction under row locks on {@code behavior.user_sessions}.
 */
@Repository
class EventStore {

    private static final String INPUT = """
            with input as (
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
                                     ?::int[], ?::numeric[], ?::timestamptz[], ?::jsonb[])
                    as t(event_id, type, user_id, session_id, product_id, query, result_count, quantity, value,
                         occurred_at, properties)
            ), ins as (
                insert into behavior.events (event_id, type, user_id, session_id, product_id, query, result_count,
                                             quantity, value, occurred_at, received_at, properties)
                select event_id, type, user_id, session_id, product_id, query, result_count, quantity, value,
                       occurred_at, now(), properties
                from input
                on conflict (event_id) do nothing
                returning id, type, user_id, session_id, product_id, query, result_count, value, occurred_at
            )""";

    /** The sessions touched by the new rows, with their state before and after (for the rollup deltas). */
    private static final String SESSIONS = """
            , sagg as (
                select sk collate "default" as session_id, min(user_id) as user_id, min(occurred_at) as started_at,
                       max(occurred_at) as ended_at, count(*)::int as events,
                       (count(*) filter (where type = 'view'))::int as page_views,
                       (count(*) filter (where type = 'purchase'))::int as purchases,
                       coalesce(sum(value) filter (where type = 'purchase'), 0) as revenue,
                       string_agg(code, '') as steps, array_agg(us) as times
                from (select *, session_id collate "C" as sk from ins where session_id is not null
                      order by sk, occurred_at, id) o
                group by sk
            ), sess as (
                insert into behavior.sessions as s (session_id, user_id, started_at, ended_at, events, page_views,
                                                    purchases, revenue, steps, times)
                select * from sagg order by session_id collate "C"
                on conflict (session_id) do update set
                    prev_user_id = s.user_id, prev_started_at = s.started_at, prev_ended_at = s.ended_at,
                    user_id = least(s.user_id, excluded.user_id),
                    started_at = least(s.started_at, excluded.started_at),
                    ended_at = greatest(s.ended_at, excluded.ended_at),
                    events = s.events + excluded.events,
                    page_views = s.page_views + excluded.page_views,
                    purchases = s.purchases + excluded.purchases,
                    revenue = s.revenue + excluded.revenue,
                    steps = case when excluded.started_at >= s.ended_at then s.steps || excluded.steps
                                 else behavior.merge_steps(s.steps, s.times, excluded.steps, excluded.times) end,
                    times = case when excluded.started_at >= s.ended_at then s.times || excluded.times
                                 else behavior.merge_times(s.times, excluded.times) end
                returning session_id, user_id, started_at, ended_at, events, page_views, purchases, revenue,
                          prev_user_id, prev_started_at, prev_ended_at
            ), sdelta as (
                select n.started_at as at, n.user_id, 1 as sessions, n.page_views,
                       extract(epoch from n.ended_at - n.started_at) as duration, (n.events = 1)::int as bounces,
                       (n.purchases > 0)::int as orders, n.revenue
                from sess n
                union all
                select n.prev_started_at, n.prev_user_id, -1, -(n.page_views - a.page_views),
                       -extract(epoch from n.prev_ended_at - n.prev_started_at), -((n.events - a.events) = 1)::int,
                       -((n.purchases - a.purchases) > 0)::int, -(n.revenue - a.revenue)
                from sess n join sagg a using (session_id) where n.prev_started_at is not null
            ), udelta as (
                select (at at time zone 'UTC')::date as day, user_id, sum(sessions)::int as sessions,
                       sum(page_views)::int as page_views, sum(duration) as duration, sum(bounces)::int as bounces,
                       sum(orders)::int as orders, sum(revenue) as revenue
                from sdelta where user_id is not null group by 1, 2
            ), ud as (
                insert into behavior.user_daily as u (day, user_id, sessions, page_views, duration, bounces, orders,
                                                      revenue)
                select * from udelta order by day, user_id
                on conflict (day, user_id) do update set
                    sessions = u.sessions + excluded.sessions, page_views = u.page_views + excluded.page_views,
                    duration = u.duration + excluded.duration, bounces = u.bounces + excluded.bounces,
                    orders = u.orders + excluded.orders, revenue = u.revenue + excluded.revenue
                returning day, user_id, sessions
            ), ustep as (
                select ud.day, ud.user_id, (ud.sessions > 0)::int - ((ud.sessions - d.sessions) > 0)::int as change
                from ud join udelta d using (day, user_id)
            ), ua as (
                insert into behavior.user_activity as a (user_id, days)
                select user_id, array_agg(case when change > 0 then day - date '2000-01-01'
                                               else date '2000-01-01' - day - 1 end order by day)
                from ustep where change <> 0 group by user_id order by user_id
                on conflict (user_id) do update set
                    days = case when excluded.days[1] > coalesce(a.days[cardinality(a.days)], -1)
                                then a.days || excluded.days else behavior.apply_days(a.days, excluded.days) end
            ), sb as (
                update behavior.session_bounds b set longest = x.longest
                from (select max(ended_at - started_at) as longest from sess) x
                where b.id = 1 and x.longest > b.longest
            )""";

    /** The (session, category prefix) rows touched by the new rows on products of a known category. */
    private static final String CATEGORIES = """
            , cprod as (
                select id as product_id, category_path from catalog.products
                where id in (select product_id from ins where session_id is not null)
            ), cpref as materialized (
                select x.path, c.category collate "C" as ck
                from (select distinct category_path as path from cprod) x
                cross join lateral behavior.category_prefixes(x.path) c(category)
            ), cagg as (
                select i.sk collate "default" as session_id, i.ck collate "default" as category,
                       min(i.user_id) as user_id, min(i.occurred_at) as started_at,
                       max(i.occurred_at) as ended_at, count(*)::int as events,
                       (count(*) filter (where i.type = 'view'))::int as page_views,
                       (count(*) filter (where i.type = 'purchase'))::int as purchases,
                       coalesce(sum(i.value) filter (where i.type = 'purchase'), 0) as revenue,
                       string_agg(i.code, '') as steps, array_agg(i.us) as times
                from (select i.*, i.session_id collate "C" as sk, f.ck
                      from ins i join cprod p using (product_id) join cpref f on f.path = p.category_path
                      where i.session_id is not null order by sk, f.ck, i.occurred_at, i.id) i
                group by i.sk, i.ck
            ), scat as (
                insert into behavior.session_categories as s (session_id, category, user_id, started_at, ended_at,
                                                              events, page_views, purchases, revenue, steps, times)
                select * from cagg order by session_id collate "C", category collate "C"
                on conflict (session_id, category) do update set
                    prev_user_id = s.user_id, prev_started_at = s.started_at, prev_ended_at = s.ended_at,
                    user_id = least(s.user_id, excluded.user_id),
                    started_at = least(s.started_at, excluded.started_at),
                    ended_at = greatest(s.ended_at, excluded.ended_at),
                    events = s.events + excluded.events,
                    page_views = s.page_views + excluded.page_views,
                    purchases = s.purchases + excluded.purchases,
                    revenue = s.revenue + excluded.revenue,
                    steps = case when excluded.started_at >= s.ended_at then s.steps || excluded.steps
                                 else behavior.merge_steps(s.steps, s.times, excluded.steps, excluded.times) end,
                    times = case when excluded.started_at >= s.ended_at then s.times || excluded.times
                                 else behavior.merge_times(s.times, excluded.times) end
                returning session_id, category, started_at, ended_at, events, page_views, purchases, revenue,
                          prev_started_at, prev_ended_at
            ), cdelta as (
                select n.category, n.started_at as at, 1 as sessions, n.page_views,
                       extract(epoch from n.ended_at - n.started_at) as duration, (n.events = 1)::int as bounces,
                       (n.purchases > 0)::int as orders, n.revenue
                from scat n
                union all
                select n.category, n.prev_started_at, -1, -(n.page_views - a.page_views),
                       -extract(epoch from n.prev_ended_at - n.prev_started_at), -((n.events - a.events) = 1)::int,
                       -((n.purchases - a.purchases) > 0)::int, -(n.revenue - a.revenue)
                from scat n join cagg a using (session_id, category) where n.prev_started_at is not null
            )""";

    /** Day rollups, product and query counters, and user paths. */
    private static final String ROLLUPS = """
            , kd as (
                insert into behavior.kpi_daily as k (category, day, sessions, users, page_views, duration, bounces,
                                                     orders, revenue)
                select category, day, sum(sessions), sum(users), sum(page_views), sum(duration), sum(bounces),
                       sum(orders), sum(revenue)
                from (select '' as category, (at at time zone 'UTC')::date as day, sessions, 0 as users, page_views,
                             duration, bounces, orders, revenue from sdelta
                      union all
                      select '', day, 0, change, 0, 0, 0, 0, 0 from ustep where change <> 0
                      %s) x
                group by 1, 2 order by 1, 2
                on conflict (category, day) do update set
                    sessions = k.sessions + excluded.sessions, users = k.users + excluded.users,
                    page_views = k.page_views + excluded.page_views, duration = k.duration + excluded.duration,
                    bounces = k.bounces + excluded.bounces, orders = k.orders + excluded.orders,
                    revenue = k.revenue + excluded.revenue
            ), pd as (
                insert into behavior.product_daily as p (day, product_id, views, carts, purchases, revenue)
                select (occurred_at at time zone 'UTC')::date, product_id, count(*) filter (where type = 'view'),
                       count(*) filter (where type = 'add_to_cart'), count(*) filter (where type = 'purchase'),
                       coalesce(sum(value) filter (where type = 'purchase'), 0)
                from ins where product_id is not null group by 1, 2 order by 1, 2
                on conflict (day, product_id) do update set
                    views = p.views + excluded.views, carts = p.carts + excluded.carts,
                    purchases = p.purchases + excluded.purchases, revenue = p.revenue + excluded.revenue
            ), qd as (
                insert into behavior.query_daily as q (day, query, searches, zero_results)
                select (occurred_at at time zone 'UTC')::date, lower(btrim(query)), count(*),
                       count(*) filter (where result_count = 0)
                from ins where type = 'search' and query is not null group by 1, 2 order by 1, 2
                on conflict (day, query) do update set
                    searches = q.searches + excluded.searches, zero_results = q.zero_results + excluded.zero_results
            ), uagg as (
                select uk collate "default" as user_id, string_agg(code, '') as steps, array_agg(us) as times
                from (select *, user_id collate "C" as uk from ins where user_id is not null
                      order by uk, occurred_at, id) o
                group by uk
            ), up as (
                insert into behavior.user_paths as u (user_id, steps, times)
                select * from uagg order by user_id collate "C"
                on conflict (user_id) do update set
                    steps = case when excluded.times[1] >= u.times[cardinality(u.times)] then u.steps || excluded.steps
                                 else behavior.merge_steps(u.steps, u.times, excluded.steps, excluded.times) end,
                    times = case when excluded.times[1] >= u.times[cardinality(u.times)] then u.times || excluded.times
                                 else behavior.merge_times(u.times, excluded.times) end
            )
            select count(*) from ins""";

    private static final String CATEGORY_DELTAS = """
                      union all
                      select category, (at at time zone 'UTC')::date, sessions, 0, page_views, duration, bounces,
                             orders, revenue from cdelta""";

    /** The ingest statement: inserts the new events and queues exactly those rows for the fold. */
    static final String INSERT = INPUT + """
            , pend as (insert into behavior.rollup_pending select * from ins)
            select count(*) from ins""";

    /**
     * Pending rows, oldest first, of one fold batch (the parameter is the batch size): every visible pending id up
     * to the batch's largest, an id range read once (an {@code id in (select … limit ?)} was planned, generically,
     * as a nested loop re-running the limited scan per pending row: quadratic in the backlog). A row with a smaller
     * id that commits later stays pending for the next batch.
     */
    private static final String PENDING = """
            with ins as (
                delete from behavior.rollup_pending
                where id <= (select max(id) from (select id from behavior.rollup_pending order by id limit ?) b)
                returning id, type, user_id, session_id, product_id, query, result_count, value, occurred_at,
                          behavior.step_code(type) as code, behavior.micros(occurred_at) as us
            )""";

    /**
     * The fold statement: deletes one batch of pending rows and folds exactly those into the sessions and the
     * analytics rollups (see {@code V2__analytics_rollups.sql}); with {@code categories} false (no
     * {@code catalog.products} table yet) the per-category rollups are left out.
     */
    static String foldStatement(boolean categories) {
        return PENDING + SESSIONS + (categories ? CATEGORIES : "")
                + ROLLUPS.formatted(categories ? CATEGORY_DELTAS : "");
    }

    private static final String LOCK_LATEST = """
            select user_id, session_id, last_at from behavior.user_sessions
            where user_id = any(?) order by user_id for update""";

    private static final String UPSERT_LATEST = """
            insert into behavior.user_sessions as u (user_id, session_id, last_at)
            select * from unnest(?::text[], ?::text[], ?::timestamptz[]) order by 1
            on conflict (user_id) do update set
                session_id = case when excluded.last_at >= u.last_at then excluded.session_id else u.session_id end,
                last_at = greatest(u.last_at, excluded.last_at)""";

    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final Sessioniser sessioniser;

    EventStore(JdbcTemplate jdbc, TransactionTemplate transactions, IngestProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sessioniser = new Sessioniser(properties.sessionTimeout());
    }

    /** Stores the rows (sessionising those without a session) and returns how many were new. */
    int store(List<EventRow> rows) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer inserted = transactions.execute(status -> jdbc.execute(
                        (ConnectionCallback<Integer>) connection -> storeIn(connection, rows)));
                return inserted == null ? 0 : inserted;
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private int storeIn(Connection connection, List<EventRow> rows) throws SQLException {
        List<EventRow> sessioned = sessionise(connection, rows);
        int n = sessioned.size();
        String[][] text = new String[6][n];
        Integer[] resultCounts = new Integer[n];
        Integer[] quantities = new Integer[n];
        String[] values = new String[n];
        String[] times = new String[n];
        String[] properties = new String[n];
        for (int i = 0; i < n; i++) {
            EventRow r = sessioned.get(i);
            text[0][i] = r.eventId();
            text[1][i] = r.type();
            text[2][i] = r.userId();
            text[3][i] = r.sessionId();
            text[4][i] = r.productId();
            text[5][i] = r.query();
            resultCounts[i] = r.resultCount();
            quantities[i] = r.quantity();
            values[i] = r.value() == null ? null : r.value().toPlainString();
            times[i] = r.occurredAt().toString();
            properties[i] = r.properties();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int c = 0; c < 6; c++) {
                statement.setArray(c + 1, connection.createArrayOf("text", text[c]));
            }
            statement.setArray(7, connection.createArrayOf("int4", resultCounts));
            statement.setArray(8, connection.createArrayOf("int4", quantities));
            statement.setArray(9, connection.createArrayOf("text", values));
            statement.setArray(10, connection.createArrayOf("text", times));
            statement.setArray(11, connection.createArrayOf("text", properties));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<EventRow> sessionise(Connection connection, List<EventRow> rows) throws SQLException {
        Set<String> users = new TreeSet<>();
        for (EventRow row : rows) {
            if (row.sessionId() == null && row.userId() != null) {
                users.add(row.userId());
            }
        }
        if (users.isEmpty()) {
            return rows;
        }
        Map<String, Sessioniser.Latest> latest = new HashMap<>();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_LATEST)) {
            lock.setArray(1, connection.createArrayOf("text", users.toArray(String[]::new)));
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getString(1), new Sessioniser.Latest(rs.getString(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        }
        Sessioniser.Result result = sessioniser.assign(rows, latest);
        if (!result.latest().isEmpty()) {
            List<String> ids = new ArrayList<>(result.latest().keySet());
            String[] sessions = new String[ids.size()];
            String[] lastAt = new String[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                Sessioniser.Latest l = result.latest().get(ids.get(i));
                sessions[i] = l.sessionId();
                lastAt[i] = l.lastAt().toString();
            }
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_LATEST)) {
                upsert.setArray(1, connection.createArrayOf("text", ids.toArray(String[]::new)));
                upsert.setArray(2, connection.createArrayOf("text", sessions));
                upsert.setArray(3, connection.createArrayOf("text", lastAt));
                upsert.executeUpdate();
            }
        }
        return result.rows();
    }

}
