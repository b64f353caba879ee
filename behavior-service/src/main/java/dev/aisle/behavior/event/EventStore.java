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
 * folds the newly inserted rows into {@code behavior.sessions}. Server-side sessions are assigned in the same
 * transaction under row locks on {@code behavior.user_sessions}. The transaction commits before the caller answers.
 */
@Repository
class EventStore {

    private static final String INSERT = """
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
                returning event_id, type, user_id, session_id, value, occurred_at
            ), sess as (
                insert into behavior.sessions as s (session_id, user_id, started_at, ended_at, events, page_views,
                                                    purchases, revenue)
                select session_id, min(user_id), min(occurred_at), max(occurred_at), count(*),
                       count(*) filter (where type = 'view'), count(*) filter (where type = 'purchase'),
                       coalesce(sum(value) filter (where type = 'purchase'), 0)
                from ins where session_id is not null
                group by session_id order by session_id
                on conflict (session_id) do update set
                    user_id = coalesce(s.user_id, excluded.user_id),
                    started_at = least(s.started_at, excluded.started_at),
                    ended_at = greatest(s.ended_at, excluded.ended_at),
                    events = s.events + excluded.events,
                    page_views = s.page_views + excluded.page_views,
                    purchases = s.purchases + excluded.purchases,
                    revenue = s.revenue + excluded.revenue
            )
            select count(*) from ins""";

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
