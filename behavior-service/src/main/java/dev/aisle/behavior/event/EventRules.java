package dev.aisle.behavior.event;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the shared event rules of {@link BehaviorEvent}: the field constraints (lengths, non-negative counts)
 * and the per-type rules of {@link BehaviorEvent#violations}, as {@code "field: message"} strings.
 */
final class EventRules {

    private final Clock clock;

    private final Validator validator;

    EventRules(Clock clock, Validator validator) {
        this.clock = clock;
        this.validator = validator;
    }

    /** Every rule the row breaks; empty when it is valid. */
    List<String> violations(EventRow row) {
        EventType type;
        try {
            type = row.type() == null ? null : EventType.fromWire(row.type());
        } catch (IllegalArgumentException e) {
            return List.of("type: must be one of " + EventType.allowedValues());
        }
        BehaviorEvent event = new BehaviorEvent(row.eventId(), type, row.userId(), row.sessionId(), row.productId(),
                row.query(), row.resultCount(), row.quantity(), row.value(), row.occurredAt(), Map.of());
        Set<String> problems = new LinkedHashSet<>(event.violations(clock.instant()));
        validator.validate(event).forEach(v -> problems.add(v.getPropertyPath() + ": " + v.getMessage()));
        return new ArrayList<>(problems);
    }

    /** The wire name of a valid row's type in canonical form. */
    static String canonicalType(String type) {
        return EventType.fromWire(type).wireName();
    }
}
