package dev.aisle.behavior.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side sessionisation for events sent without a session id: a user's event continues the user's latest
 * session when it lies within {@code timeout} of that session's last event, and opens a new session otherwise
 * (GA4's inactivity rule, 30 minutes by default).
 *
 * <p>A new session's id is {@code userId + "~" + epochMillis(first event)}, deterministic so a replay of the same
 * events yields the same sessions. Events of one request are taken in time order per user. An event older than the
 * user's latest session by more than the timeout (a very late arrival) opens a session of its own and leaves the
 * user's latest session as it is.
 */
final class Sessioniser {

    private final Duration timeout;

    Sessioniser(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Assigns sessions to the rows lacking one.
     *
     * @param rows the rows of one request, in request order
     * @param latest each user's latest known session before this request, by user id (absent when none)
     * @return the rows with sessions assigned, in request order, and each touched user's new latest session
     */
    Result assign(List<EventRow> rows, Map<String, Latest> latest) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).sessionId() == null && rows.get(i).userId() != null) {
                open.add(i);
            }
        }
        List<EventRow> out = new ArrayList<>(rows);
        Map<String, Latest> state = new HashMap<>(latest);
        Map<String, Latest> changed = new LinkedHashMap<>();
        open.sort(Comparator.comparing((Integer i) -> rows.get(i).occurredAt())
                .thenComparing(i -> rows.get(i).eventId()));
        for (int i : open) {
            EventRow row = rows.get(i);
            Latest current = state.get(row.userId());
            Instant at = row.occurredAt();
            if (current != null && !at.isAfter(current.lastAt().plus(timeout))
                    && !at.isBefore(current.lastAt().minus(timeout))) {
                out.set(i, row.withSessionId(current.sessionId()));
                if (at.isAfter(current.lastAt())) {
                    current = new Latest(current.sessionId(), at);
                    state.put(row.userId(), current);
                    changed.put(row.userId(), current);
                }
            } else {
                String session = row.userId() + "~" + at.toEpochMilli();
                out.set(i, row.withSessionId(session));
                if (current == null || at.isAfter(current.lastAt())) {
                    Latest next = new Latest(session, at);
                    state.put(row.userId(), next);
                    changed.put(row.userId(), next);
                }
            }
        }
        return new Result(out, changed);
    }

    /** A user's latest session and the time of its last event. */
    record Latest(String sessionId, Instant lastAt) {
    }

    /** Rows with sessions and the users' new latest sessions. */
    record Result(List<EventRow> rows, Map<String, Latest> latest) {
    }
}
