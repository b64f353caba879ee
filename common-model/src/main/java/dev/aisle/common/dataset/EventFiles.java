package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.aisle.common.event.BehaviorEvent;

/**
 * Reads behaviour-event files for import: a JSON array or NDJSON of {@link BehaviorEvent} (told apart by the first
 * character). Syntax and type errors (an unknown event type, a bad timestamp) fail with {@code file:line}; the
 * per-type rules of {@link BehaviorEvent#violations} are left to the receiver, which knows the current time.
 */
public final class EventFiles {

    private EventFiles() {
    }

    /** Reads all events of {@code file}. */
    public static List<BehaviorEvent> read(Path file) throws IOException {
        return JsonLines.read(file, BehaviorEvent.class);
    }

    /** Streams the events of {@code file} without holding them all. */
    public static void forEach(Path file, Consumer<? super BehaviorEvent> consumer) throws IOException {
        JsonLines.forEach(file, BehaviorEvent.class, consumer);
    }
}
