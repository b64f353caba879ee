package dev.aisle.recommend.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@code behavior.events} (read-only contract owned by behavior-service) incrementally by {@code id}, plus
 * single ids looked for again (see {@link InteractionLog}).
 */
@Component
class BehaviorEventReader {

    private static final String COLUMNS = "id, type, user_id, product_id, value, occurred_at";

    private final JdbcClient jdbc;

    BehaviorEventReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Events with {@code id > afterId}, in id order, at most {@code limit} — all of them, also those without a user
     * or product, so that a missing id means an uncommitted (or rolled back) row rather than a filtered one.
     */
    List<EventRow> readAfter(long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from behavior.events where id > :after order by id limit :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(BehaviorEventReader::row)
                .list();
    }

    /** The events among {@code ids} that are visible now. */
    List<EventRow> readIds(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from behavior.events where id in (:ids) order by id")
                .param("ids", ids)
                .query(BehaviorEventReader::row)
                .list();
    }

    private static EventRow row(ResultSet rs, int n) throws SQLException {
        return new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5) == null ? null : rs.getDouble(5),
                rs.getObject(6, java.time.OffsetDateTime.class).toInstant());
    }
}
