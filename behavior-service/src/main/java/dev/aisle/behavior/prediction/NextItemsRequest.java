package dev.aisle.behavior.prediction;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A next-items question: either the session's item ids in order or the id of a session the service knows.
 *
 * @param itemIds the session's item ids, oldest first (at most 200)
 * @param sessionId a session id whose item events are read from {@code behavior.events}
 * @param n how many items to return, 1 to 100 (default 10)
 */
record NextItemsRequest(@Size(max = 200) List<@NotBlank @Size(max = 200) String> itemIds,
        @Size(min = 1, max = 200) String sessionId, @Min(1) @Max(100) Integer n) {

    int size() {
        return n == null ? 10 : n;
    }
}
