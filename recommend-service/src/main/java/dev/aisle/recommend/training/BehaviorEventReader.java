package dev.aisle.recommend.training;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code behavior.events} (read-only contract owned by behavior-service) incrementally by {@code id}. */
@Component
class BehaviorEventReader {

    private final JdbcClient jdbc;

    BehaviorEventReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events with a user and a product and {@code id > afterId}, in id order, at most {@code limit}. */
    List<EventRow> readAfter(long afterId, int limit) {
        return jdbc.sql("""
                select id, type, user_id, product_id, value, occurred_at from behavior.events
                where id > :after and user_id is not null and product_id is not null
                order by id limit :limit""")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new EventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

}
