package dev.aisle.common.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import dev.aisle.common.event.BehaviorEvent;

/**
 * One visit: the events of a session in time order.
 *
 * @param sessionId the session id
 * @param userId    the user, null for anonymous sessions
 * @param start     time of the first event
 * @param end       time of the last event
 * @param events    the events in time order, possibly empty
 */
public record Session(String sessionId, String userId, Instant start, Instant end, List<BehaviorEvent> events) {

    public Session {
        events = events == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(events));
    }

    /**
     * Builds a session from events, sorting them by timestamp (stable; events without one last) and taking start
     * and end from the first and last timestamps.
     */
    public static Session of(String sessionId, String userId, List<BehaviorEvent> events) {
        List<BehaviorEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(BehaviorEvent::timestamp, Comparator.nullsLast(Comparator.naturalOrder())));
        Instant start = null;
        Instant end = null;
        for (BehaviorEvent event : sorted) {
            if (event.timestamp() != null) {
                start = start == null ? event.timestamp() : start;
                end = event.timestamp();
            }
        }
        return new Session(sessionId, userId, start, end, sorted);
    }

    /** Time from start to end; zero when either is unknown. */
    public Duration duration() {
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }

    /** The product ids of the events in order, repeats included (what sequence models consume). */
    public List<String> itemIds() {
        List<String> ids = new ArrayList<>(events.size());
        for (BehaviorEvent event : events) {
            if (event.productId() != null) {
                ids.add(event.productId());
            }
        }
        return ids;
    }

    /** The distinct product ids in order of first appearance. */
    public List<String> distinctItemIds() {
        return List.copyOf(new LinkedHashSet<>(itemIds()));
    }
}
