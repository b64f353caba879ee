package dev.aisle.behavior.profile;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A segment's centre in original units (the geometric-mean-like back-transform of the log features).
 *
 * @param sessions sessions per user
 * @param orders orders per user
 * @param revenue purchase value per user
 * @param recencyDays days since the last activity at segmentation time
 */
public record Centroid(double sessions, double orders, double revenue, double recencyDays) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    String json() {
        return String.format(Locale.ROOT, "{\"sessions\":%.4f,\"orders\":%.4f,\"revenue\":%.4f,\"recencyDays\":%.4f}",
                sessions, orders, revenue, recencyDays);
    }

    static Centroid parse(String json) {
        JsonNode node = MAPPER.readTree(json);
        return new Centroid(node.path("sessions").asDouble(), node.path("orders").asDouble(),
                node.path("revenue").asDouble(), node.path("recencyDays").asDouble());
    }
}
