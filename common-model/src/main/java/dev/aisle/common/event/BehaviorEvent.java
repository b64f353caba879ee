package dev.aisle.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One behaviour event as a storefront sends it to {@code /api/v1/events} and as {@code behavior.events} stores it.
 *
 * <p>Field annotations check each value alone; {@link #violations(Instant)} checks the rules that depend on the
 * type. The compact constructor never throws; a null {@code properties} becomes empty.
 *
 * @param eventId     the client's id of the event, the idempotency key, 1–128 characters
 * @param type        what happened
 * @param userId      the known user, optional when {@code sessionId} is given
 * @param sessionId   the visit, optional when {@code userId} is given
 * @param productId   the product concerned, required by every type but {@code search}
 * @param query       the search text, required by {@code search}
 * @param resultCount how many results a search returned, optional
 * @param quantity    units added, removed or bought, optional
 * @param value       money for {@code purchase} (≥ 0), the score for {@code rating} (0–10), optional otherwise
 * @param timestamp   when it happened
 * @param properties  free-form extra properties (page, position …), possibly empty
 */
public record BehaviorEvent(
        @NotBlank @Size(max = 128) String eventId,
        @NotNull EventType type,
        @Size(max = 128) String userId,
        @Size(max = 128) String sessionId,
        @Size(max = 128) String productId,
        @Size(max = 1000) String query,
        @PositiveOrZero Integer resultCount,
        @PositiveOrZero Integer quantity,
        BigDecimal value,
        @NotNull Instant timestamp,
        Map<String, Object> properties) {

    /** Earliest accepted timestamp. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** How far in the future (relative to the receiver's clock) a timestamp may lie: one day of clock skew. */
    public static final long MAX_FUTURE_SECONDS = 86_400;

    /** Highest accepted rating value; ratings lie in {@code [0, MAX_RATING]} so 5- and 10-point scales both fit. */
    public static final BigDecimal MAX_RATING = BigDecimal.TEN;

    public BehaviorEvent {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * The rule violations of this event as {@code "field: message"} strings, empty when the event is valid.
     *
     * <p>Rules: {@code eventId}, {@code type} and {@code timestamp} are required; {@code userId} or
     * {@code sessionId} is required; every type but {@code search} needs {@code productId}; {@code search} needs
     * {@code query}; {@code purchase} needs {@code value ≥ 0}; {@code rating} needs {@code value} in [0, 10];
     * {@code quantity} and {@code resultCount}, when present, are ≥ 0; the timestamp lies between 2000-01-01 and
     * one day after {@code now}.
     *
     * @param now the receiver's clock
     */
    public List<String> violations(Instant now) {
        List<String> problems = new ArrayList<>();
        if (isBlank(eventId)) {
            problems.add("eventId: must not be blank");
        }
        else if (eventId.length() > 128) {
            problems.add("eventId: must be at most 128 characters");
        }
        if (isBlank(userId) && isBlank(sessionId)) {
            problems.add("userId: userId or sessionId is required");
        }
        if (timestamp == null) {
            problems.add("timestamp: must not be null");
        }
        else if (timestamp.isBefore(EARLIEST)) {
            problems.add("timestamp: must not be before " + EARLIEST);
        }
        else if (now != null && timestamp.isAfter(now.plusSeconds(MAX_FUTURE_SECONDS))) {
            problems.add("timestamp: must not be more than one day in the future");
        }
        if (quantity != null && quantity < 0) {
            problems.add("quantity: must be greater than or equal to 0");
        }
        if (resultCount != null && resultCount < 0) {
            problems.add("resultCount: must be greater than or equal to 0");
        }
        if (type == null) {
            problems.add("type: must be one of " + EventType.allowedValues());
            return problems;
        }
        if (type.requiresProduct() && isBlank(productId)) {
            problems.add("productId: is required for " + type.wireName() + " events");
        }
        switch (type) {
            case SEARCH -> {
                if (isBlank(query)) {
                    problems.add("query: is required for search events");
                }
            }
            case PURCHASE -> {
                if (value == null) {
                    problems.add("value: is required for purchase events");
                }
                else if (value.signum() < 0) {
                    problems.add("value: must be greater than or equal to 0 for purchase events");
                }
            }
            case RATING -> {
                if (value == null) {
                    problems.add("value: is required for rating events");
                }
                else if (value.signum() < 0 || value.compareTo(MAX_RATING) > 0) {
                    problems.add("value: must be between 0 and 10 for rating events");
                }
            }
            default -> {
                // no further per-type rules
            }
        }
        return problems;
    }

    /** Whether {@link #violations(Instant)} is empty. */
    public boolean isValid(Instant now) {
        return violations(now).isEmpty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
