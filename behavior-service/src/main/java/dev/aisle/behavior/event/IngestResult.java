package dev.aisle.behavior.event;

import java.util.List;

/**
 * What happened to the events of one ingestion request.
 *
 * @param accepted events stored by this request
 * @param duplicates events whose {@code eventId} was already stored (or repeated within the request): acknowledged,
 *     stored once
 * @param rejected events that failed validation and were not stored
 * @param errors one entry per rejected event
 */
public record IngestResult(int accepted, int duplicates, int rejected, List<ItemError> errors) {

    /**
     * Why one event of the request was rejected.
     *
     * @param index position of the event in the request (array index or NDJSON line, from 0)
     * @param eventId the event's id when it had one
     * @param errors each problem as {@code "field: message"}
     */
    public record ItemError(int index, String eventId, List<String> errors) {
    }
}
