package dev.aisle.behavior.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessioniserTests {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Sessioniser sessioniser = new Sessioniser(Duration.ofMinutes(30));

    private static EventRow row(String id, String user, String session, int minutes) {
        return new EventRow(id, "view", user, session, "p", null, null, null, null, T0.plusSeconds(60L * minutes),
                null);
    }

    @Test
    void continuesASessionWithinTheTimeoutAndOpensOneAfterIt() {
        Sessioniser.Result result = sessioniser.assign(
                List.of(row("a", "u", null, 0), row("b", "u", null, 30), row("c", "u", null, 61)), Map.of());

        assertThat(result.rows()).extracting(EventRow::sessionId)
                .containsExactly("u~" + T0.toEpochMilli(), "u~" + T0.toEpochMilli(),
                        "u~" + T0.plusSeconds(61 * 60).toEpochMilli());
        assertThat(result.latest().get("u").lastAt()).isEqualTo(T0.plusSeconds(61 * 60));
    }

    @Test
    void continuesTheUsersStoredSession() {
        Map<String, Sessioniser.Latest> latest = Map.of("u", new Sessioniser.Latest("old", T0.minusSeconds(600)));

        Sessioniser.Result result = sessioniser.assign(List.of(row("a", "u", null, 0)), latest);

        assertThat(result.rows().get(0).sessionId()).isEqualTo("old");
    }

    @Test
    void keepsClientSessionsAndIgnoresAnonymousEvents() {
        Sessioniser.Result result = sessioniser.assign(
                List.of(row("a", "u", "client", 0), row("b", null, null, 0)), Map.of());

        assertThat(result.rows()).extracting(EventRow::sessionId).containsExactly("client", null);
        assertThat(result.latest()).isEmpty();
    }

    @Test
    void givesAVeryLateEventASessionOfItsOwn() {
        Map<String, Sessioniser.Latest> latest = Map.of("u", new Sessioniser.Latest("now", T0));

        Sessioniser.Result result = sessioniser.assign(List.of(row("a", "u", null, -120)), latest);

        assertThat(result.rows().get(0).sessionId()).isEqualTo("u~" + T0.minusSeconds(7200).toEpochMilli());
        assertThat(result.latest()).isEmpty();
    }
}
