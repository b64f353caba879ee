package dev.aisle.behavior.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.BehaviorIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventIngestionIntegrationTests extends BehaviorIntegrationTest {

    private static String event(String id, String type, String user, String session, String product, String at) {
        return """
                {"eventId":"%s","type":"%s","userId":"%s",%s"productId":%s,"timestamp":"%s",\
                "properties":{"page":"pdp"}}""".formatted(id, type, user,
                session == null ? "" : "\"sessionId\":\"" + session + "\",",
                product == null ? "null" : "\"" + product + "\"", at);
    }

    private long stored(String eventId) {
        return jdbc.sql("select count(*) from behavior.events where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    @Test
    void storesOneEventAndReadsItBack() {
        Answer answer = post("/api/v1/events", "application/json",
                event("ing-1", "view", "iu-1", "is-1", "hp-1", "2025-05-01T10:00:00Z"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
        Answer read = get("/api/v1/events?userId=iu-1");
        assertThat(read.body().get("totalElements").asLong()).isEqualTo(1);
        JsonNode stored = read.body().get("content").get(0);
        assertThat(stored.get("eventId").asString()).isEqualTo("ing-1");
        assertThat(stored.get("sessionId").asString()).isEqualTo("is-1");
        assertThat(stored.get("properties").get("page").asString()).isEqualTo("pdp");
    }

    @Test
    void acknowledgesDuplicatesButStoresThemOnce() {
        String body = "[" + event("dup-1", "view", "iu-2", "is-2", "hp-1", "2025-05-01T10:00:00Z") + ","
                + event("dup-1", "view", "iu-2", "is-2", "hp-1", "2025-05-01T10:00:00Z") + "]";

        Answer first = post("/api/v1/events", "application/json", body);
        Answer second = post("/api/v1/events", "application/json", body);

        assertThat(first.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(first.body().get("duplicates").asInt()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("accepted").asInt()).isZero();
        assertThat(second.body().get("duplicates").asInt()).isEqualTo(2);
        assertThat(stored("dup-1")).isEqualTo(1);
        folder.foldPending();
        assertThat(jdbc.sql("select events from behavior.sessions where session_id = 'is-2'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void answersMalformedJsonWithProblem() {
        Answer answer = post("/api/v1/events", "application/json", "{\"eventId\": \"x\", ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("detail").asString()).contains("Malformed JSON");
    }

    @Test
    void storesTheValidEventsOfAPartiallyInvalidBatch() {
        String body = "[" + event("part-1", "view", "iu-3", "is-3", "hp-1", "2025-05-01T10:00:00Z") + ","
                + event("part-2", "purchase", "iu-3", "is-3", "hp-1", "2025-05-01T10:01:00Z") + ","
                + event("part-3", "teleport", "iu-3", "is-3", "hp-1", "2025-05-01T10:02:00Z") + ","
                + event("part-4", "view", "iu-3", "is-3", "hp-1", "1999-12-31T10:00:00Z") + "]";

        Answer answer = post("/api/v1/events", "application/json", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.body().get("rejected").asInt()).isEqualTo(3);
        JsonNode errors = answer.body().get("errors");
        assertThat(errors.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("eventId").asString()).isEqualTo("part-2");
        assertThat(errors.get(0).get("errors").get(0).asString()).startsWith("value:");
        assertThat(errors.get(1).get("errors").get(0).asString()).startsWith("type:");
        assertThat(errors.get(2).get("errors").get(0).asString()).startsWith("timestamp:");
        assertThat(stored("part-1")).isEqualTo(1);
        assertThat(stored("part-2")).isZero();
    }

    @Test
    void rejectsARequestWhoseEventsAreAllInvalidWithProblemListingThem() {
        Answer answer = post("/api/v1/events", "application/json",
                "[{\"eventId\":\"bad-1\",\"type\":\"search\",\"userId\":\"u\",\"timestamp\":\"2025-05-01T10:00:00Z\"}]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("errors").get(0).asString()).startsWith("query:");
    }

    @Test
    void refusesMoreEventsThanTheLimitWith413() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3001; i++) {
            events.add(event("big-" + i, "view", "iu-4", "is-4", "hp-1", "2025-05-01T10:00:00Z"));
        }

        Answer answer = post("/api/v1/events", "application/json", "[" + String.join(",", events) + "]");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(stored("big-0")).isZero();
    }

    @Test
    void refusesABodyOverTheByteLimitWith413() {
        String padding = "x".repeat(2_005_000);

        Answer answer = post("/api/v1/events", "application/json",
                "[{\"eventId\":\"" + padding + "\"}]");

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void acceptsNdjsonAndReportsBadLinesPerItem() {
        String body = event("nd-1", "view", "iu-5", "is-5", "hp-1", "2025-05-01T10:00:00Z") + "\n"
                + "not json\n"
                + event("nd-2", "view", "iu-5", "is-5", "hp-2", "2025-05-01T10:00:10Z") + "\n";

        Answer answer = post("/api/v1/events", "application/x-ndjson", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.body().get("errors").get(0).get("index").asInt()).isEqualTo(1);
    }

    @Test
    void refusesOtherMediaTypesWith415() {
        Answer answer = post("/api/v1/events", "text/plain", "hello");

        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void sessionisesEventsWithoutSessionIdOnAThirtyMinuteTimeout() {
        post("/api/v1/events", "application/json", "["
                + event("ss-3", "view", "su-1", null, "hp-1", "2025-05-01T11:00:00Z") + ","
                + event("ss-1", "view", "su-1", null, "hp-1", "2025-05-01T10:00:00Z") + ","
                + event("ss-2", "view", "su-1", null, "hp-2", "2025-05-01T10:20:00Z") + "]");
        post("/api/v1/events", "application/json",
                event("ss-4", "view", "su-1", null, "hp-3", "2025-05-01T11:25:00Z"));

        JsonNode content = get("/api/v1/events?userId=su-1").body().get("content");

        List<String> sessions = new ArrayList<>();
        content.forEach(e -> sessions.add(e.get("sessionId").asString()));
        assertThat(sessions).containsExactly("su-1~1746093600000", "su-1~1746093600000", "su-1~1746097200000",
                "su-1~1746097200000");
        folder.foldPending();
        assertThat(jdbc.sql("select events from behavior.sessions where session_id = 'su-1~1746097200000'")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void requiresAUserOrSessionToListEvents() {
        assertThat(get("/api/v1/events").status()).isEqualTo(400);
    }
}
