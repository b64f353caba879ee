package dev.aisle.behavior.prediction.session;

import dev.aisle.behavior.prediction.model.purchase.SessionEventFeatures;
import java.time.Instant;
import java.util.List;

/**
 * A session ready for training: its item sequence and its purchase-intent view.
 *
 * @param sessionId the session id
 * @param startedAt time of its first event
 * @param items product ids of its item events in order
 * @param features the events before its first purchase
 * @param purchased whether it contains a purchase
 */
public record SessionHistory(String sessionId, Instant startedAt, List<String> items,
        List<SessionEventFeatures> features, boolean purchased) {

    /** Assembles a session from its events in time order. */
    public static SessionHistory of(String sessionId, List<EventRow> events) {
        return new SessionHistory(sessionId, events.isEmpty() ? null : events.get(0).occurredAt(),
                SessionEvents.items(events), SessionEvents.features(events), SessionEvents.purchased(events));
    }
}
