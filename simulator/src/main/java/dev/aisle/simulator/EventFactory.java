package dev.aisle.simulator;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import dev.aisle.common.product.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Turns the simulation's facts into the shared domain records. */
final class EventFactory {

    /** Currency of every simulated price. */
    static final String CURRENCY = "USD";

    private EventFactory() {}

    static Product product(SimulatedProduct p) {
        return new Product(p.id(), p.title(), p.description(), p.brand(), p.categoryPath(), p.price(), CURRENCY,
                p.attributes(), p.inStock(), p.language(), p.createdAt(), p.updatedAt());
    }

    static BehaviorEvent event(String eventId, EventType type, String userId, String sessionId, String productId,
            String query, Integer resultCount, Integer quantity, BigDecimal value, Instant timestamp,
            Map<String, Object> properties) {
        return new BehaviorEvent(eventId, type, userId, sessionId, productId, query, resultCount, quantity, value,
                timestamp, properties);
    }
}
