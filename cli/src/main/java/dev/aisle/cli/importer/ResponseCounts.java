package dev.aisle.cli.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the counts out of a bulk endpoint's answer. Each of {@code accepted}, {@code duplicates} and
 * {@code rejected} may be a number or a list (whose size counts); {@code upserted}, {@code created} + {@code updated}
 * and {@code stored} stand for {@code accepted} in catalogue answers.
 */
final class ResponseCounts {

    private static final List<String> ACCEPTED_SYNONYMS = List.of("upserted", "stored", "inserted");

    private ResponseCounts() {}

    static Map<String, Long> parse(JsonMapper mapper, String body) {
        Map<String, Long> counts = new HashMap<>();
        if (body == null || body.isBlank()) {
            return counts;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException ex) {
            return counts;
        }
        if (!root.isObject()) {
            return counts;
        }
        for (String name : List.of("accepted", "duplicates", "rejected")) {
            count(root.get(name)).ifPresent(n -> counts.put(name, n));
        }
        if (!counts.containsKey("accepted")) {
            for (String name : ACCEPTED_SYNONYMS) {
                count(root.get(name)).ifPresent(n -> counts.merge("accepted", n, Long::sum));
            }
            long created = count(root.get("created")).orElse(-1L);
            long updated = count(root.get("updated")).orElse(-1L);
            if (created >= 0 || updated >= 0) {
                counts.merge("accepted", Math.max(0, created) + Math.max(0, updated), Long::sum);
            }
        }
        return counts;
    }

    private static Optional<Long> count(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.asLong());
        }
        if (node.isArray()) {
            return Optional.of((long) node.size());
        }
        return Optional.empty();
    }
}
