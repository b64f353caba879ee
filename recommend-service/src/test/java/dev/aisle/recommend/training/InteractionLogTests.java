package dev.aisle.recommend.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InteractionLogTests {

    /** behavior.events as a reader sees it: only committed rows are visible. */
    private final TreeMap<Long, EventRow> committed = new TreeMap<>();
    private final AtomicLong nanos = new AtomicLong();
    private final InteractionLog log = new InteractionLog(new BehaviorEventReader(null) {
        @Override
        List<EventRow> readAfter(long afterId, int limit) {
            return committed.tailMap(afterId, false).values().stream().limit(limit).toList();
        }

        @Override
        List<EventRow> readIds(Collection<Long> ids) {
            return ids.stream().filter(committed::containsKey).map(committed::get).toList();
        }
    }, properties(Duration.ofSeconds(60)), nanos::get);

    @Test
    void readsARowWhoseTransactionCommitsAfterAHigherId() {
        commit(1, "u1", "a");
        log.poll();
        commit(3, "u1", "c");  // id 2 was assigned first but its transaction is still open

        assertThat(log.poll()).isEqualTo(1);
        assertThat(log.history("u1").weightsSnapshot()).containsOnlyKeys("a", "c");

        commit(2, "u1", "b");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(log.poll()).isEqualTo(1);
        assertThat(log.history("u1").weightsSnapshot()).containsOnlyKeys("a", "b", "c");
        assertThat(log.pendingGaps()).isZero();
    }

    @Test
    void addsEachEventOnce() {
        commit(1, "u1", "a");
        commit(3, "u1", "a");
        log.poll();
        commit(2, "u1", "a");

        log.poll();
        log.poll();

        assertThat(log.snapshot()).extracting(EventRow::id).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(log.history("u1").weightsSnapshot()).containsEntry("a", 3.0);
    }

    @Test
    void forgetsSkippedIdsAfterTheWindow() {
        commit(1, "u1", "a");
        log.poll();
        commit(3, "u1", "c");
        log.poll();
        assertThat(log.pendingGaps()).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        log.poll();

        assertThat(log.pendingGaps()).isZero();
    }

    @Test
    void rowsWithoutUserOrProductAreNotGaps() {
        commit(1, "u1", "a");
        log.poll();
        committed.put(2L, new EventRow(2, "search", null, null, null, Instant.EPOCH));
        commit(3, "u1", "c");

        log.poll();

        assertThat(log.pendingGaps()).isZero();
        assertThat(log.snapshot()).extracting(EventRow::id).containsExactly(1L, 3L);
    }

    private void commit(long id, String user, String product) {
        committed.put(id, new EventRow(id, "view", user, product, null, Instant.EPOCH.plusSeconds(id)));
    }

    static TrainingProperties properties(Duration foldInWindow) {
        return new TrainingProperties("als", new ArrayList<>(), 8, 0.1, 1, 5, 10, 1, 42, null, Duration.ofDays(30),
                Duration.ofDays(3), 0.2, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(2),
                foldInWindow, new TrainingProperties.TwoTowerProperties(8, 2, 64, 0.05, 0.001, 4096, 8, false,
                        "cpu", 0, 3));
    }
}
