package dev.aisle.recommend.training;

import dev.aisle.common.event.EventType;
import dev.aisle.common.interaction.InteractionWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The behaviour events recommend-service has seen, kept in memory: the full list for training and, per user, the
 * weighted items and purchases used to fold new behaviour into recommendations within seconds. New events are
 * polled by {@code behavior.events.id}.
 *
 * <p>Identity values are assigned when a row is inserted, not when its transaction commits, so a poll can see id
 * {@code n + 1} while {@code n} is still uncommitted. Every id skipped by a poll is therefore remembered and looked
 * for again on each poll for {@code fold-in-window} (rolled-back ids never appear and are dropped after it); a row is
 * added once, when its id is first seen (above the high-water mark, or as a remembered gap).
 */
@Component
public class InteractionLog {

    private static final Logger log = LoggerFactory.getLogger(InteractionLog.class);
    private static final int BATCH = 10_000;
    /** Bounds the memory of skipped ids; beyond it, newer gaps are not looked for again. */
    static final int MAX_GAPS = 100_000;
    private static final int GAP_QUERY = 1_000;

    private final BehaviorEventReader reader;
    private final InteractionWeights weights;
    private final List<EventRow> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, UserHistory> users = new ConcurrentHashMap<>();
    private final TreeMap<Long, Long> gaps = new TreeMap<>();
    private final long windowNanos;
    private final LongSupplier clock;
    private volatile long lastEventId;

    @Autowired
    InteractionLog(BehaviorEventReader reader, TrainingProperties properties) {
        this(reader, properties, System::nanoTime);
    }

    InteractionLog(BehaviorEventReader reader, TrainingProperties properties, LongSupplier nanoClock) {
        this.reader = reader;
        this.weights = properties.interactionWeights();
        this.windowNanos = properties.foldInWindow().toNanos();
        this.clock = nanoClock;
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

    /**
     * Reads the ids skipped by earlier polls that have committed since, then every event newer than the last one
     * seen; returns how many rows were read for the first time.
     */
    @Scheduled(fixedDelayString = "${aisle.recommend.training.fold-in-interval:PT2S}")
    public synchronized int poll() {
        int added = 0;
        try {
            added += fillGaps();
            List<EventRow> batch;
            do {
                batch = reader.readAfter(lastEventId, BATCH);
                for (EventRow e : batch) {
                    if (e.id() <= lastEventId) {
                        continue;
                    }
                    rememberGap(lastEventId + 1, e.id());
                    lastEventId = e.id();
                    add(e);
                    added++;
                }
            } while (batch.size() == BATCH);
        } catch (DataAccessException e) {
            log.debug("behavior.events not readable yet: {}", e.getMessage());
        }
        return added;
    }

    private int fillGaps() {
        long now = clock.getAsLong();
        gaps.values().removeIf(since -> now - since > windowNanos);
        int found = 0;
        List<Long> ids = List.copyOf(gaps.keySet());
        for (int from = 0; from < ids.size(); from += GAP_QUERY) {
            for (EventRow e : reader.readIds(ids.subList(from, Math.min(ids.size(), from + GAP_QUERY)))) {
                if (gaps.remove(e.id()) != null) {
                    add(e);
                    found++;
                }
            }
        }
        return found;
    }

    /** Remembers ids {@code from..to-1} (skipped: not committed when {@code to} was read). */
    private void rememberGap(long from, long to) {
        if (lastEventId == 0) {
            // the first row seen: ids far below it are deleted history, only the last few can still be in flight
            from = Math.max(from, to - GAP_QUERY);
        }
        long now = clock.getAsLong();
        for (long id = from; id < to && gaps.size() < MAX_GAPS; id++) {
            gaps.put(id, now);
        }
    }

    /** Ids skipped by a poll and still looked for. */
    synchronized int pendingGaps() {
        return gaps.size();
    }

    private void add(EventRow e) {
        if (e.userId() == null || e.productId() == null) {
            return;
        }
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
