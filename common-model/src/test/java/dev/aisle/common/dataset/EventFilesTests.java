package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventFilesTests {

    @TempDir
    Path dir;

    @Test
    void readsNdjsonEvents() throws IOException {
        List<BehaviorEvent> events = EventFiles.read(TestFiles.resource("events.ndjson"));

        assertThat(events).extracting(BehaviorEvent::type).containsExactly(EventType.VIEW, EventType.SEARCH,
                EventType.PURCHASE);
        assertThat(events.get(1).properties()).containsEntry("page", "search");
        assertThat(events).allSatisfy(e -> assertThat(e.violations(Instant.parse("2026-01-02T00:00:00Z"))).isEmpty());
    }

    @Test
    void readsAJsonArrayOfEvents() throws IOException {
        List<BehaviorEvent> events = EventFiles.read(TestFiles.resource("events.json"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.ADD_TO_CART);
            assertThat(e.quantity()).isEqualTo(1);
            assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        });
    }

    @Test
    void roundTripsThroughNdjson() throws IOException {
        List<BehaviorEvent> events = EventFiles.read(TestFiles.resource("events.ndjson"));
        Path copy = dir.resolve("copy.ndjson");

        JsonLines.writeLines(copy, events);

        assertThat(EventFiles.read(copy)).isEqualTo(events);
    }

    @Test
    void reportsTheLineOfAnUnknownTypeOrBadTimestamp() throws IOException {
        Path type = TestFiles.write(dir, "t.ndjson", """
                {"eventId":"e-1","type":"view","userId":"u","productId":"p","timestamp":"2026-01-01T10:00:00Z"}
                {"eventId":"e-2","type":"like","userId":"u","productId":"p","timestamp":"2026-01-01T10:00:00Z"}
                """);
        Path time = TestFiles.write(dir, "time.json", """
                [{"eventId":"e-1","type":"view","userId":"u","productId":"p","timestamp":"2026-01-01T10:00:00Z"},
                 {"eventId":"e-2","type":"view","userId":"u","productId":"p","timestamp":"yesterday"}]
                """);

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> EventFiles.read(type))
                .withMessageStartingWith(type + ":2: invalid JSON").withMessageContaining("add_to_cart");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> EventFiles.read(time))
                .withMessageStartingWith(time + ":2: invalid JSON");
    }

    @Test
    void reportsContentAfterTheArray() throws IOException {
        Path file = TestFiles.write(dir, "e.json", "[]\n[]\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> EventFiles.read(file))
                .withMessageStartingWith(file + ":2: ");
    }
}
