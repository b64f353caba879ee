package dev.aisle.behavior.prediction.session;

import dev.aisle.behavior.prediction.model.ScoredItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads sessions, recent popularity and the purchase base rate from {@code behavior.events}. */
@Repository
public class SessionEventRepository {

    private static final String ITEM_TYPES = "('view', 'click', 'add_to_cart', 'purchase')";

    /** Events at most {@code :secs} seconds older than the latest event. */
    private static final String RECENT = "occurred_at >= (select max(occurred_at) from behavior.events)"
            + " - :secs * interval '1 second'";

    private final JdbcClient jdbc;

    public SessionEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sessions with events in {@code window} before the latest event, oldest first by start time, at most the
     * {@code maxSessions} most recent.
     */
    public List<SessionHistory> recentSessions(Duration window, int maxSessions) {
        List<SessionHistory> sessions = new ArrayList<>();
        List<EventRow> current = new ArrayList<>();
        String[] currentId = {null};
        jdbc.sql("select session_id, type, product_id, value, occurred_at from behavior.events"
                        + " where session_id is not null and " + RECENT + " order by session_id, occurred_at, id")
                .param("secs", window.toSeconds())
                .query((ResultSet rs) -> {
                    String id = rs.getString(1);
                    if (!id.equals(currentId[0])) {
                        if (currentId[0] != null) {
                            sessions.add(SessionHistory.of(currentId[0], List.copyOf(current)));
                        }
                        current.clear();
                        currentId[0] = id;
                    }
                    current.add(row(rs, 2));
                });
        if (currentId[0] != null) {
            sessions.add(SessionHistory.of(currentId[0], List.copyOf(current)));
        }
        sessions.sort(Comparator.comparing(SessionHistory::startedAt).thenComparing(SessionHistory::sessionId));
        return sessions.size() <= maxSessions ? sessions
                : List.copyOf(sessions.subList(sessions.size() - maxSessions, sessions.size()));
    }

    /** Every event of one session in time order; empty when the service does not know the session. */
    public List<EventRow> sessionEvents(String sessionId) {
        return jdbc.sql("select type, product_id, value, occurred_at from behavior.events where session_id = :id"
                        + " order by occurred_at, id")
                .param("id", sessionId)
                .query((rs, n) -> row(rs, 1))
                .list();
    }

    /**
     * The {@code n} products with the most item events in {@code window} before the latest event, scored by that
     * count (ties by id).
     */
    public List<ScoredItem> popular(Duration window, int n) {
        return jdbc.sql("select product_id, count(*) as c from behavior.events where product_id is not null"
                        + " and type in " + ITEM_TYPES + " and " + RECENT
                        + " group by product_id order by c desc, product_id limit :n")
                .param("secs", window.toSeconds())
                .param("n", n)
                .query((rs, i) -> new ScoredItem(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Share of sessions in {@code window} before the latest event that contain a purchase (0 without sessions). */
    public double purchaseRate(Duration window) {
        return jdbc.sql("select coalesce(count(distinct session_id) filter (where type = 'purchase')::float8"
                        + " / nullif(count(distinct session_id), 0), 0) from behavior.events"
                        + " where session_id is not null and " + RECENT)
                .param("secs", window.toSeconds())
                .query(Double.class)
                .single();
    }

    private static EventRow row(ResultSet rs, int from) throws SQLException {
        double value = rs.getDouble(from + 2);
        Double boxed = rs.wasNull() ? null : value;
        Timestamp at = rs.getTimestamp(from + 3);
        return new EventRow(rs.getString(from), rs.getString(from + 1), boxed, at == null ? null : at.toInstant());
    }
}
