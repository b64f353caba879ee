package dev.aisle.behavior.event;

import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.PayloadTooLargeException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a request body (one JSON event, a JSON array of events, or NDJSON) into validated {@link EventRow}s and
 * per-item errors. A body that is not JSON at all is a 400; an element that is not a valid event is an item error.
 */
final class EventParser {

    private static final Set<String> FIELDS = Set.of("eventId", "type", "userId", "sessionId", "productId", "query",
            "resultCount", "quantity", "value", "timestamp", "properties");

    private final ObjectMapper mapper;

    private final EventRules rules;

    private final int maxEvents;

    EventParser(ObjectMapper mapper, EventRules rules, int maxEvents) {
        this.mapper = mapper;
        this.rules = rules;
        this.maxEvents = maxEvents;
    }

    /** The rows and errors of a body; {@code ndjson} selects newline-delimited parsing. */
    Parsed parse(byte[] body, boolean ndjson) {
        List<JsonNode> nodes = ndjson ? ndjsonNodes(body) : jsonNodes(body);
        if (nodes.isEmpty()) {
            throw new BadRequestException("The request carries no events");
        }
        if (nodes.size() > maxEvents) {
            throw new PayloadTooLargeException(
                    "The request carries " + nodes.size() + " events; at most " + maxEvents + " are accepted");
        }
        List<Indexed> rows = new ArrayList<>(nodes.size());
        List<IngestResult.ItemError> errors = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            List<String> problems = new ArrayList<>();
            EventRow row = node == null ? null : toRow(node, problems);
            if (node == null) {
                problems.add("body: line is not valid JSON");
            }
            if (row != null && problems.isEmpty()) {
                rows.add(new Indexed(i, row));
            } else {
                String id = node != null && node.path("eventId").isString() ? node.get("eventId").stringValue()
                        : null;
                errors.add(new IngestResult.ItemError(i, id, List.copyOf(problems)));
            }
        }
        return new Parsed(nodes.size(), rows, errors);
    }

    private List<JsonNode> jsonNodes(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequestException("Malformed JSON body: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (root.isObject()) {
            return List.of(root);
        }
        if (root.isArray()) {
            List<JsonNode> nodes = new ArrayList<>(root.size());
            root.forEach(nodes::add);
            return nodes;
        }
        throw new BadRequestException("The body must be a JSON event object or an array of events");
    }

    /** NDJSON: one event per non-blank line; a line that is not JSON becomes a {@code null} (an item error). */
    private List<JsonNode> ndjsonNodes(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<JsonNode> nodes = new ArrayList<>();
        int validLines = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
                validLines++;
            } catch (JacksonException e) {
                node = null;
            }
            nodes.add(node);
        }
        if (!nodes.isEmpty() && validLines == 0) {
            throw new BadRequestException("Malformed NDJSON body: no line is valid JSON");
        }
        return nodes;
    }

    private EventRow toRow(JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            problems.add("body: an event must be a JSON object");
            return null;
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(name + ": unknown field");
            }
        }
        String eventId = text(node, "eventId", problems);
        String type = text(node, "type", problems);
        String userId = text(node, "userId", problems);
        String sessionId = text(node, "sessionId", problems);
        String productId = text(node, "productId", problems);
        String query = text(node, "query", problems);
        Integer resultCount = integer(node, "resultCount", problems);
        Integer quantity = integer(node, "quantity", problems);
        BigDecimal value = decimal(node, "value", problems);
        Instant timestamp = instant(node, problems);
        String properties = null;
        JsonNode props = node.get("properties");
        if (props != null && !props.isNull()) {
            if (props.isObject()) {
                properties = mapper.writeValueAsString(props);
            } else {
                problems.add("properties: must be a JSON object");
            }
        }
        EventRow row = new EventRow(eventId, type, userId, sessionId, productId, query, resultCount, quantity, value,
                timestamp, properties);
        if (problems.isEmpty()) {
            problems.addAll(rules.violations(row));
        }
        return problems.isEmpty() ? new EventRow(eventId, EventRules.canonicalType(type), userId, sessionId,
                productId, query, resultCount, quantity, value, timestamp, properties) : row;
    }

    private static String text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(field + ": must be a string");
            return null;
        }
        String text = value.stringValue();
        return text.isBlank() ? null : text;
    }

    private static Integer integer(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(field + ": must be an integer");
            return null;
        }
        return value.intValue();
    }

    private static BigDecimal decimal(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(field + ": must be a number");
            return null;
        }
        return value.decimalValue();
    }

    private static Instant instant(JsonNode node, List<String> problems) {
        JsonNode value = node.get("timestamp");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add("timestamp: must be an ISO-8601 instant such as 2026-01-01T10:00:00Z");
            return null;
        }
        try {
            return Instant.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            problems.add("timestamp: must be an ISO-8601 instant such as 2026-01-01T10:00:00Z");
            return null;
        }
    }

    /** A valid row with its position in the request. */
    record Indexed(int index, EventRow row) {
    }

    /** The outcome of parsing one body. */
    record Parsed(int total, List<Indexed> rows, List<IngestResult.ItemError> errors) {
    }
}
