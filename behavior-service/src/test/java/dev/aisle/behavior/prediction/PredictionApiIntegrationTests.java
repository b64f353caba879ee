package dev.aisle.behavior.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.BehaviorIntegrationTest;
import dev.aisle.behavior.prediction.training.ServingModels;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PredictionApiIntegrationTests extends BehaviorIntegrationTest {

    private static JsonNode firstTraining;

    @Autowired
    ServingModels serving;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void trainOnTheFixture() {
        if (firstTraining != null) {
            return;
        }
        PredictionFixture.insert(jdbc);
        Answer answer = post("/api/v1/predictions/admin/train", "application/json", "");
        assertThat(answer.status()).isEqualTo(200);
        firstTraining = answer.body();
    }

    private Answer nextItems(String body) {
        return post("/api/v1/predictions/next-items", "application/json", body);
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("itemId").asString()));
        return ids;
    }

    @Test
    void trainingReportsTheChosenVersionsWithTheirValidation() {
        JsonNode nextItem = firstTraining.get("nextItem");

        assertThat(firstTraining.get("sessions").asInt()).isGreaterThanOrEqualTo(PredictionFixture.SESSIONS);
        assertThat(nextItem.get("trained").asBoolean()).isTrue();
        assertThat(nextItem.get("version").asInt()).isPositive();
        assertThat(nextItem.get("candidates")).hasSize(4);
        assertThat(nextItem.get("model").asString()).isIn("sknn", "item-knn");
        assertThat(nextItem.get("validationScore").asDouble()).isGreaterThan(0.8);
        JsonNode purchase = firstTraining.get("purchase");
        assertThat(purchase.get("trained").asBoolean()).isTrue();
        assertThat(purchase.get("validationScore").asDouble()).isGreaterThan(0.9);
        assertThat(meters.get("aisle.prediction.model.version").tag("kind", "next_item").gauge().value())
                .isEqualTo(serving.nextItem().version());
        assertThat(meters.get("aisle.prediction.model.validation.score").tag("kind", "purchase").gauge().value())
                .isEqualTo(serving.purchase().score());
    }

    @Test
    void predictsTheSuccessorOfEveryItemOfThePattern() {
        int hits = 0;
        for (int j = 0; j < PredictionFixture.CYCLE; j++) {
            JsonNode answer = nextItems("""
                    {"itemIds":["%s","%s"],"n":5}""".formatted(PredictionFixture.item(j - 1),
                    PredictionFixture.item(j))).body();
            assertThat(answer.get("model").asString()).isNotEqualTo("popularity-fallback");
            assertThat(answer.get("items")).hasSize(5);
            hits += ids(answer).get(0).equals(PredictionFixture.item(j + 1)) ? 1 : 0;
        }

        assertThat(hits).isGreaterThanOrEqualTo(PredictionFixture.CYCLE - 1);
    }

    @Test
    void ignoresAndReportsUnknownItems() {
        JsonNode answer = nextItems("""
                {"itemIds":["pz-2","no-such-item"],"n":3}""").body();

        assertThat(answer.get("unknownItems").get(0).asString()).isEqualTo("no-such-item");
        assertThat(answer.get("unknownItems")).hasSize(1);
        assertThat(ids(answer).get(0)).isEqualTo("pz-3");
        assertThat(answer.get("modelVersion").asInt()).isPositive();
    }

    @Test
    void answersEmptyAndAllUnknownSessionsWithThePopularityFallback() {
        JsonNode empty = nextItems("{\"itemIds\":[],\"n\":3}").body();
        JsonNode unknown = nextItems("{\"itemIds\":[\"no-such-item\"]}").body();

        assertThat(empty.get("model").asString()).isEqualTo("popularity-fallback");
        assertThat(empty.get("modelVersion").isNull()).isTrue();
        assertThat(empty.get("items")).hasSize(3);
        assertThat(empty.get("items").get(0).get("score").asDouble())
                .isGreaterThanOrEqualTo(empty.get("items").get(2).get("score").asDouble());
        assertThat(unknown.get("model").asString()).isEqualTo("popularity-fallback");
        assertThat(unknown.get("unknownItems").get(0).asString()).isEqualTo("no-such-item");
        assertThat(unknown.get("items")).isNotEmpty();
    }

    @Test
    void readsTheItemsOfAKnownSessionAndAnswers404ForAnUnknownOne() {
        JsonNode known = nextItems("{\"sessionId\":\"pz-s1\",\"n\":1}").body();
        Answer unknown = nextItems("{\"sessionId\":\"no-such-session\"}");

        assertThat(ids(known)).containsExactly(PredictionFixture.item(1 + PredictionFixture.LENGTH));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givesCartSessionsAHigherPurchaseProbabilityThanBrowsingOnes() {
        JsonNode cart = post("/api/v1/predictions/purchase-probability", "application/json", """
                {"events":[{"type":"view","productId":"pz-1","timestamp":"2026-06-01T10:00:00Z"},
                {"type":"view","productId":"pz-2","timestamp":"2026-06-01T10:01:00Z"},
                {"type":"add_to_cart","productId":"pz-2","timestamp":"2026-06-01T10:02:00Z","value":20.0}]}""")
                .body();
        JsonNode browsing = post("/api/v1/predictions/purchase-probability", "application/json", """
                {"events":[{"type":"view","productId":"pz-1","timestamp":"2026-06-01T10:00:00Z"},
                {"type":"view","productId":"pz-2","timestamp":"2026-06-01T10:01:00Z"}]}""").body();
        JsonNode stored = post("/api/v1/predictions/purchase-probability", "application/json",
                "{\"sessionId\":\"pz-s2\"}").body();

        for (JsonNode answer : List.of(cart, browsing, stored)) {
            assertThat(answer.get("probability").asDouble()).isBetween(0.0, 1.0);
            assertThat(answer.get("model").asString()).isIn("logistic", "lstm");
        }
        assertThat(cart.get("probability").asDouble()).isGreaterThan(browsing.get("probability").asDouble());
    }

    @Test
    void rejectsMalformedRequestsWithProblems() {
        List<String> tooMany = Collections.nCopies(201, "\"pz-1\"");
        List<Answer> answers = List.of(nextItems("{\"itemIds\":[\"pz-1\"],\"n\":0}"),
                nextItems("{\"itemIds\":[\"pz-1\"],\"n\":101}"),
                nextItems("{\"itemIds\":[" + String.join(",", tooMany) + "]}"),
                nextItems("{\"itemIds\":[\"pz-1\"],\"sessionId\":\"pz-s1\"}"),
                nextItems("{\"n\":3}"),
                nextItems("{\"itemIds\":[\"pz-1\""),
                post("/api/v1/predictions/purchase-probability", "application/json", "{\"events\":[{\"value\":-1}]}"),
                post("/api/v1/predictions/purchase-probability", "application/json", "{}"),
                post("/api/v1/predictions/purchase-probability", "application/json",
                        "{\"events\":[{\"type\":\"view\"},{\"type\":\"fly\"}]}"));

        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(answers.get(0).body().path("errors").toString()).contains("\"field\":\"n\"");
        assertThat(answers.get(5).body().path("detail").asString()).startsWith("Malformed request body");
        assertThat(answers.get(8).body().path("errors").toString()).contains("\"field\":\"events[1].type\"");
    }

    @Test
    void servesIdenticalPredictionsAfterReloadingTheServingVersionFromTheTable() {
        String request = "{\"itemIds\":[\"pz-3\",\"pz-4\"],\"n\":8}";
        JsonNode before = nextItems(request).body();
        ServingModels.NextItem loadedBefore = serving.nextItem();

        serving.loadServing();
        JsonNode after = nextItems(request).body();

        assertThat(serving.nextItem()).isNotSameAs(loadedBefore);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void keepsTheServingVersionWhenTheNewOneValidatesWorse() {
        jdbc.sql("update behavior.prediction_models set validation_score = 2 where kind = 'next_item' and serving")
                .update();
        int servingVersion = serving.nextItem().version();
        try {
            JsonNode outcome = post("/api/v1/predictions/admin/train", "application/json", "").body();

            assertThat(outcome.get("nextItem").get("swapped").asBoolean()).isFalse();
            assertThat(outcome.get("nextItem").get("servingScore").asDouble()).isEqualTo(2.0);
            assertThat(outcome.get("nextItem").get("version").asInt()).isGreaterThan(servingVersion);
            assertThat(serving.nextItem().version()).isEqualTo(servingVersion);
            JsonNode models = get("/api/v1/predictions/admin/models").body();
            List<Integer> servingNextItem = new ArrayList<>();
            models.forEach(m -> {
                if (m.get("kind").asString().equals("next_item") && m.get("serving").asBoolean()) {
                    servingNextItem.add(m.get("version").asInt());
                }
            });
            assertThat(servingNextItem).containsExactly(servingVersion);
        } finally {
            jdbc.sql("update behavior.prediction_models set validation_score = (validation_metrics->>'mrr@20')::float8"
                    + " where kind = 'next_item' and serving").update();
        }
    }

    @Test
    void listsTheStoredVersionsWithTheirMetrics() {
        JsonNode models = get("/api/v1/predictions/admin/models").body();

        assertThat(models.size()).isGreaterThanOrEqualTo(2);
        JsonNode first = models.get(0);
        assertThat(first.get("validation").size()).isPositive();
        assertThat(first.get("artifactBytes").asLong()).isPositive();
        assertThat(first.has("artifact")).isFalse();
    }
}
