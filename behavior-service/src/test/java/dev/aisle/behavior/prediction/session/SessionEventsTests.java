package dev.aisle.behavior.prediction.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.prediction.model.purchase.SessionEventFeatures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventsTests {

    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    private static final List<EventRow> BOUGHT = List.of(
            new EventRow("view", "a", null, T),
            new EventRow("search", null, null, T.plusSeconds(30)),
            new EventRow("view", "b", null, T.plusSeconds(40)),
            new EventRow("add_to_cart", "b", 12.5, T.plusSeconds(100)),
            new EventRow("purchase", "b", 12.5, T.plusSeconds(160)),
            new EventRow("view", "a", null, T.plusSeconds(200)));

    @Test
    void readsItemsFromItemEventsAndCollapsesImmediateRepeats() {
        assertThat(SessionEvents.items(BOUGHT)).containsExactly("a", "b", "a");
    }

    @Test
    void describesOnlyTheEventsBeforeTheFirstPurchase() {
        List<SessionEventFeatures> features = SessionEvents.features(BOUGHT);

        assertThat(features).extracting(SessionEventFeatures::type)
                .containsExactly("view", "search", "view", "add_to_cart");
        assertThat(features).extracting(SessionEventFeatures::dwellSeconds).containsExactly(30.0, 10.0, 60.0, 0.0);
        assertThat(features).extracting(SessionEventFeatures::price).containsExactly(0.0, 0.0, 0.0, 12.5);
        assertThat(SessionEvents.purchased(BOUGHT)).isTrue();
    }

    @Test
    void givesZeroDwellWithoutTimestamps() {
        List<EventRow> untimed = List.of(new EventRow("view", "a", null, null), new EventRow("view", "b", null, null));

        assertThat(SessionEvents.features(untimed)).extracting(SessionEventFeatures::dwellSeconds)
                .containsExactly(0.0, 0.0);
        assertThat(SessionEvents.purchased(untimed)).isFalse();
    }
}
