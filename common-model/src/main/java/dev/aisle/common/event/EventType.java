package dev.aisle.common.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of behaviour event; each is written in JSON and in {@code behavior.events.type} by its wire name. */
public enum EventType {

    /** A product detail page was shown. */
    VIEW("view"),
    /** A product was clicked in a list (search results, recommendations). */
    CLICK("click"),
    /** A search was run. */
    SEARCH("search"),
    /** A product was added to the cart. */
    ADD_TO_CART("add_to_cart"),
    /** A product was removed from the cart. */
    REMOVE_FROM_CART("remove_from_cart"),
    /** A product was bought. */
    PURCHASE("purchase"),
    /** A product was rated. */
    RATING("rating");

    private static final String ALLOWED = Arrays.stream(values()).map(EventType::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case JSON value, e.g. {@code add_to_cart}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether events of this type must name a product. */
    public boolean requiresProduct() {
        return this != SEARCH;
    }

    /**
     * Parses a wire name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is none of them
     */
    @JsonCreator
    public static EventType fromWire(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (EventType type : values()) {
                if (type.wireName.equals(wanted)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("unknown event type '" + name + "', must be one of " + ALLOWED);
    }

    /** The allowed wire names, comma separated. */
    public static String allowedValues() {
        return ALLOWED;
    }
}
