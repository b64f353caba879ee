package dev.aisle.recommend.training;

import java.time.Instant;

/** One behaviour event as recommend-service reads it from {@code behavior.events}. */
public record EventRow(long id, String type, String userId, String productId, Double value, Instant occurredAt) {
}
