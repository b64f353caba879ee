package dev.aisle.behavior.prediction.session;

import dev.aisle.behavior.prediction.model.purchase.SessionEventFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a session's events (in time order) into what the next-item and purchase models read. */
public final class SessionEvents {

    /** Event types whose product counts as an item of the session's sequence. */
    public static final Set<String> ITEM_TYPES = Set.of("view", "click", "add_to_cart", "purchase");

    private static final String PURCHASE = "purchase";

    private SessionEvents() {
    }

    /**
     * Product ids of the item events, in order. An immediate repeat of the same product (view, then cart, then
     * purchase of it) is one step, not a transition; later returns to a product are kept for the repeat-aware
     * models.
     */
    public static List<String> items(List<EventRow> events) {
        List<String> items = new ArrayList<>();
        for (EventRow e : events) {
            if (e.productId() != null && ITEM_TYPES.contains(e.type())
                    && (items.isEmpty() || !items.get(items.size() - 1).equals(e.productId()))) {
                items.add(e.productId());
            }
        }
        return items;
    }

    /** Whether the session contains a purchase. */
    public static boolean purchased(List<EventRow> events) {
        return events.stream().anyMatch(e -> PURCHASE.equals(e.type()));
    }

    /**
     * The events before the first purchase as purchase-model features: dwell is the time to the next of these
     * events (0 for the last one, as when serving a session in progress, or without timestamps), price the event's value (0 when none); the category is
     * not read (null).
     */
    public static List<SessionEventFeatures> features(List<EventRow> events) {
        int end = 0;
        while (end < events.size() && !PURCHASE.equals(events.get(end).type())) {
            end++;
        }
        List<SessionEventFeatures> features = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            EventRow e = events.get(i);
            double dwell = 0;
            if (i + 1 < end && e.occurredAt() != null && events.get(i + 1).occurredAt() != null) {
                dwell = Math.max(0, Duration.between(e.occurredAt(), events.get(i + 1).occurredAt()).toMillis()
                        / 1000.0);
            }
            double price = e.value() == null || !(e.value() >= 0) ? 0 : e.value();
            features.add(new SessionEventFeatures(e.type(), dwell, price, null));
        }
        return features;
    }
}
