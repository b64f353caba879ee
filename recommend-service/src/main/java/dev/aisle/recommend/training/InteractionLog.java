package dev.aisle.recommend.training;

import dev.aisle.common.event.EventType;
import dev.aisle.common.interaction.InteractionWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The behaviour events recommend-service has seen, kept in memory: the full list for training and, per user, the
 * weighted items and purchases used to fold new behaviour into recommendations within seconds. New events are
 * polled by {@code behavior.events.id}.
 */
@Component
public class InteractionLog {

    private static final Logger log = LoggerFactory.getLogger(InteractionLog.class);
    private static final int BATCH = 10_000;

    private final BehaviorEventReader reader;
    private final InteractionWeights weights;
    private final List<EventRow> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, UserHistory> users = new ConcurrentHashMap<>();
    private volatile long lastEventId;

    InteractionLog(BehaviorEventReader reader, TrainingProperties properties) {
        this.reader = reader;
        this.weights = properties.interactionWeights();
    }

    /** A user's weighted items (insertion order = first interaction) and purchased items. */
    public record UserHistory(Map<String, Double> weights, Set<String> purchased, Map<String, String> lastType) {

        UserHistory() {
            this(Collections.synchronizedMap(new LinkedHashMap<>()), ConcurrentHashMap.newKeySet(),
                    new ConcurrentHashMap<>());
        }

        /** A consistent copy of the weights (the live map is written by the poller). */
        public Map<String, Double> weightsSnapshot() {
            synchronized (weights) {
                return Map.copyOf(weights);
            }
        }
    }

    /** Reads every event newer than the last one seen; returns how many were added. */
    @Scheduled(fixedDelayString = "${aisle.recommend.training.fold-in-interval:PT2S}")
    public synchronized int poll() {
        int added = 0;
        try {
            List<EventRow> batch;
            do {
                batch = reader.readAfter(lastEventId, BATCH);
                for (EventRow e : batch) {
                    add(e);
                }
                added += batch.size();
            } while (batch.size() == BATCH);
        } catch (DataAccessException e) {
            log.debug("behavior.events not readable yet: {}", e.getMessage());
        }
        return added;
    }

    private void add(EventRow e) {
        lastEventId = Math.max(lastEventId, e.id());
        double w = weightOf(e);
        if (w <= 0) {
            return;
        }
        events.add(e);
        UserHistory h = users.computeIfAbsent(e.userId(), u -> new UserHistory());
        h.weights().merge(e.productId(), w, Double::sum);
        h.lastType().put(e.productId(), e.type());
        if ("purchase".equals(e.type())) {
            h.purchased().add(e.productId());
        }
    }

    /** The undecayed weight of an event; unknown types weigh 0. */
    double weightOf(EventRow e) {
        try {
            return weights.weightOf(EventType.fromWire(e.type()), e.value() == null ? Double.NaN : e.value());
        } catch (IllegalArgumentException unknownType) {
            return 0;
        }
    }

    /** Snapshot of the events seen so far that count as interactions. */
    public List<EventRow> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The user's history, empty when the user is unknown. */
    public UserHistory history(String userId) {
        UserHistory h = users.get(userId);
        return h == null ? new UserHistory(Map.of(), Set.of(), Map.of()) : h;
    }

    public long lastEventId() {
        return lastEventId;
    }
}
