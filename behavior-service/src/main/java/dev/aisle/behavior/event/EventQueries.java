package dev.aisle.behavior.event;

import dev.aisle.support.error.BadRequestException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Reads stored events back, by user or session, in time order. */
@Repository
class EventQueries {

    private final JdbcClient jdbc;

    private final ObjectMapper mapper;

    EventQueries(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    EventPage find(String userId, String sessionId, int page, int size) {
        if (userId == null && sessionId == null) {
            throw new BadRequestException("Give userId or sessionId");
        }
        String where = " where (cast(:user as text) is null or user_id = :user)"
                + " and (cast(:session as text) is null or session_id = :session)";
        long total = jdbc.sql("select count(*) from behavior.events" + where)
                .param("user", userId).param("session", sessionId).query(Long.class).single();
        List<StoredEvent> content = jdbc.sql("""
                select id, event_id, type, user_id, session_id, product_id, query, result_count, quantity, value,
                       occurred_at, received_at, properties::text
                from behavior.events""" + where + " order by occurred_at, id limit :limit offset :offset")
                .param("user", userId).param("session", sessionId)
                .param("limit", size).param("offset", (long) page * size)
                .query(this::map).list();
        return new EventPage(content, page, size, total);
    }

    private StoredEvent map(ResultSet rs, int n) throws SQLException {
        String props = rs.getString(13);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = props == null ? Map.of() : mapper.readValue(props, Map.class);
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), (Integer) rs.getObject(9),
                rs.getBigDecimal(10), rs.getObject(11, OffsetDateTime.class).toInstant().toString(),
                rs.getObject(12, OffsetDateTime.class).toInstant().toString(), properties);
    }

    /** One stored event with its sequence id and arrival time. */
    record StoredEvent(long id, String eventId, String type, String userId, String sessionId, String productId,
            String query, Integer resultCount, Integer quantity, BigDecimal value, String timestamp,
            String receivedAt, Map<String, Object> properties) {
    }

    /** A page of events. */
    record EventPage(List<StoredEvent> content, int page, int size, long totalElements) {
    }
}
