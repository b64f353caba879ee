package dev.aisle.behavior.event;

import dev.aisle.support.error.BadRequestException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Validates a request's events, stores the valid ones durably and counts what happened. */
@Service
public class IngestService {

    private final EventParser parser;

    private final EventStore store;

    IngestService(EventStore store, IngestProperties properties, Clock clock, Validator validator) {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.parser = new EventParser(mapper, new EventRules(clock, validator), properties.maxEvents());
        this.store = store;
    }

    /**
     * Ingests a body; stores every valid event once, committed before this returns.
     *
     * @throws BadRequestException when the body is not JSON, holds no events, or every event is invalid
     */
    public IngestResult ingest(byte[] body, boolean ndjson) {
        EventParser.Parsed parsed = parser.parse(body, ndjson);
        if (parsed.rows().isEmpty()) {
            throw new BadRequestException("No event of the request is valid; nothing was stored", parsed.errors());
        }
        List<EventRow> rows = new ArrayList<>(parsed.rows().size());
        parsed.rows().forEach(indexed -> rows.add(indexed.row()));
        int inserted = store.store(rows);
        return new IngestResult(inserted, rows.size() - inserted, parsed.errors().size(), parsed.errors());
    }
}
