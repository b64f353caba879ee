package dev.aisle.behavior.event;

import dev.aisle.support.error.PayloadTooLargeException;
import dev.aisle.support.error.UnsupportedMediaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event API. {@code POST} takes one JSON event, a JSON array of events, or {@code application/x-ndjson}; it
 * answers 200 with {@code accepted}, {@code duplicates}, {@code rejected} and per-item {@code errors} once the
 * valid events are committed (a partially valid batch stores the valid events and is still a 200; the client reads
 * {@code rejected}). A body that is not JSON, or in which no event is valid, is a 400 problem listing the item
 * errors; more than the configured events or bytes is a 413; another media type is a 415.
 */
@Validated
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    static final String NDJSON = "application/x-ndjson";

    private final IngestService ingest;

    private final EventQueries queries;

    private final IngestProperties properties;

    EventController(IngestService ingest, EventQueries queries, IngestProperties properties) {
        this.ingest = ingest;
        this.queries = queries;
        this.properties = properties;
    }

    @PostMapping
    IngestResult post(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        boolean ndjson;
        if (contentType == null) {
            throw new UnsupportedMediaException("Send application/json or " + NDJSON);
        }
        MediaType type = MediaType.parseMediaType(contentType);
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            ndjson = false;
        } else if (type.isCompatibleWith(MediaType.parseMediaType(NDJSON))) {
            ndjson = true;
        } else {
            throw new UnsupportedMediaException(
                    "Unsupported media type " + contentType + "; send application/json or " + NDJSON);
        }
        return ingest.ingest(readLimited(request), ndjson);
    }

    @GetMapping
    EventQueries.EventPage list(@RequestParam(required = false) String userId,
            @RequestParam(required = false) String sessionId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return queries.find(userId, sessionId, page, size);
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long limit = properties.maxBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException("The request body exceeds " + limit + " bytes");
    }
}
