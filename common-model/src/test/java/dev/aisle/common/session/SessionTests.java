package dev.aisle.common.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTests {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static BehaviorEvent event(String id, EventType type, String product, int minute) {
        return new BehaviorEvent(id, type, "u", "s", product, type == EventType.SEARCH ? "shoes" : null, null, null,
                null, T0.plusSeconds(60L * minute), null);
    }

    @Test
    void ordersEventsAndMeasuresTheDuration() {
        Session s = Session.of("s", "u", List.of(event("b", EventType.VIEW, "p2", 5),
                event("a", EventType.VIEW, "p1", 0), event("c", EventType.SEARCH, null, 7)));

        assertThat(s.start()).isEqualTo(T0);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(7));
        assertThat(s.events()).extracting(BehaviorEvent::eventId).containsExactly("a", "b", "c");
    }

    @Test
    void listsItemIdsInOrderWithRepeatsAndDistinct() {
        Session s = Session.of("s", "u", List.of(event("a", EventType.VIEW, "p1", 0),
                event("b", EventType.SEARCH, null, 1), event("c", EventType.VIEW, "p2", 2),
                event("d", EventType.ADD_TO_CART, "p1", 3)));

        assertThat(s.itemIds()).containsExactly("p1", "p2", "p1");
        assertThat(s.distinctItemIds()).containsExactly("p1", "p2");
    }

    @Test
    void hasZeroDurationWithoutEvents() {
        Session s = new Session("s", null, null, null, null);

        assertThat(s.events()).isEmpty();
        assertThat(s.duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void putsEventsWithoutTimestampLast() {
        BehaviorEvent undated = new BehaviorEvent("x", EventType.VIEW, "u", "s", "p9", null, null, null, null, null,
                null);

        Session s = Session.of("s", "u", List.of(undated, event("a", EventType.VIEW, "p1", 0),
                event("b", EventType.VIEW, "p2", 4)));

        assertThat(s.itemIds()).containsExactly("p1", "p2", "p9");
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(4));
    }
}
