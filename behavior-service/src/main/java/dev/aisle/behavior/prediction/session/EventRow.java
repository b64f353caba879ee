package dev.aisle.behavior.prediction.session;

import java.time.Instant;

/**
 * One event of a session as the prediction models read it.
 *
 * @param type event type ({@code view}, {@code add_to_cart}, {@code purchase} …)
 * @param productId the product, or null
 * @param value the event's money value (price × quantity for cart and purchase events), or null
 * @param occurredAt when it happened, or null when the client did not say
 */
public record EventRow(String type, String productId, Double value, Instant occurredAt) {
}
