package dev.aisle.behavior.prediction.model.purchase;

import java.util.Locale;

/**
 * What the purchase-intent models see of one session event. The purchase event itself must not be among a
 * session's features: the models answer "will this session end in a purchase" from what happened before it.
 * @param type event type as in {@code behavior.events.type} ({@code view}, {@code click}, {@code search},
 *     {@code add_to_cart}, {@code remove_from_cart}, {@code rating}; anything else counts as "other")
 * @param dwellSeconds time until the next event of the session (0 for the last), at least 0
 * @param price price of the event's product, 0 when none
 * @param category top-level category of the event's product, or null
 */
public record SessionEventFeatures(String type, double dwellSeconds, double price, String category) {

    /** Event types with their own input; the last slot is "other". */
    static final String[] TYPES = {"view", "click", "search", "add_to_cart", "remove_from_cart", "rating"};

    public SessionEventFeatures {
        if (type == null) {
            throw new IllegalArgumentException("event type must not be null");
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!(dwellSeconds >= 0) || !(price >= 0)) {
            throw new IllegalArgumentException("dwellSeconds and price must be >= 0, got " + dwellSeconds + ", "
                    + price);
        }
    }

    /** Index of the type in {@link #TYPES}, or {@code TYPES.length} for other types. */
    int typeIndex() {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        return TYPES.length;
    }
}
