package dev.aisle.behavior.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One validated event as stored in {@code behavior.events}; {@code type} is the wire name and {@code properties}
 * the JSON text of the properties object (or {@code null}).
 */
public record EventRow(String eventId, String type, String userId, String sessionId, String productId, String query,
        Integer resultCount, Integer quantity, BigDecimal value, Instant occurredAt, String properties) {

    /** A copy carrying the given session id. */
    public EventRow withSessionId(String session) {
        return new EventRow(eventId, type, userId, session, productId, query, resultCount, quantity, value,
                occurredAt, properties);
    }
}
