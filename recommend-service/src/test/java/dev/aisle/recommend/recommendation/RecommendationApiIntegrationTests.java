package dev.aisle.recommend.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.recommend.training.InteractionLog;
import dev.aisle.recommend.training.ModelRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The recommendation API on a real PostgreSQL, with the catalogue and event tables of the published contracts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.flyway.locations=classpath:db/migration/recommend,classpath:db/contract",
        "aisle.recommend.training.initial-delay=PT1H",
        "aisle.recommend.training.fold-in-interval=PT0.2S",
        "aisle.recommend.training.factors=8",
        "aisle.recommend.training.regularization=0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationApiIntegrationTests {

    private static final String BASE = "/api/v1/recommendations";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelRegistry registry;

    @Autowired
    InteractionLog interactions;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private long eventSeq;

    @BeforeAll
    void catalogue() {
        for (int p = 0; p < 8; p++) {
            product("s" + p, "Running shoe " + p, "Sports > Running > Shoes", p != 7);
            product("k" + p, "Chef knife " + p, "Kitchen > Knives", true);
        }
    }

    @Test
    @Order(1)
    void servesSqlPopularityBeforeTheFirstModel() throws Exception {
        JsonNode body = get(BASE + "/users/someone?n=5", 200);

        assertThat(body.get("algorithm").asString()).isEqualTo("popular");
        assertThat(body.get("modelVersion").isNull()).isTrue();
        assertThat(ids(body)).hasSize(5).doesNotContain("s7");
    }

    @Test
    @Order(2)
    void trainsValidatesAndPersistsAVersion() throws Exception {
        for (int u = 0; u < 12; u++) {
            String user = "u" + u;
            String prefix = u < 6 ? "s" : "k";
            for (int p = 0; p < 6; p++) {
                if ((u + p) % 3 != 0) {
                    event(user, prefix + p, p == (u % 6) ? "purchase" : "view");
                }
            }
        }
        event("u0", "s7", "view");

        JsonNode version = post(BASE + "/admin/train", "", 200);

        assertThat(version.get("status").asString()).isEqualTo("accepted");
        assertThat(version.get("algorithm").asString()).isEqualTo("als");
        JsonNode models = get(BASE + "/admin/models", 200);
        assertThat(models.get("served").get("id").asLong()).isEqualTo(version.get("id").asLong());
        assertThat(registry.loadLatest()).hasValueSatisfying(
                v -> assertThat(v.id()).isEqualTo(version.get("id").asLong()));
        assertThat(get("/actuator/prometheus", 200, true).asString()).contains("aisle_recommend_model_version");
    }

    @Test
    @Order(3)
    void filtersPurchasedSeenAndOutOfStockItems() throws Exception {
        JsonNode body = get(BASE + "/users/u1?n=10", 200);

        List<String> ids = ids(body);
        assertThat(ids).isNotEmpty().doesNotContain("s7", "s0", "s1", "s3", "s4");
        assertThat(ids.subList(0, 2)).allSatisfy(id -> assertThat(id).startsWith("s"));
        assertThat(body.get("items").get(0).get("reason").asString()).startsWith("because you");
        assertThat(ids(get(BASE + "/users/u1?n=10&exclude=s2,s5", 200))).isNotEmpty().doesNotContain("s2", "s5");
    }

    @Test
    @Order(4)
    void unknownUserFallsBackToTrendingInCategoryThenPopular() throws Exception {
        JsonNode body = get(BASE + "/users/stranger?n=8&category=Kitchen", 200);

        assertThat(body.get("algorithm").asString()).isEqualTo("trending");
        assertThat(ids(body)).hasSize(8).allSatisfy(id -> assertThat(id).startsWith("k"));
        assertThat(body.get("items").get(0).get("reason").asString()).isEqualTo("trending in Kitchen");
        assertThat(ids(get(BASE + "/popular?n=3&category=Shoes", 200))).hasSize(3)
                .allSatisfy(id -> assertThat(id).startsWith("s"));
    }

    @Test
    @Order(5)
    void foldsInNewEventsWithinSeconds() throws Exception {
        assertThat(get(BASE + "/users/newcomer", 200).get("algorithm").asString()).isIn("trending", "popular");

        event("newcomer", "k1", "view");
        event("newcomer", "k2", "add_to_cart");

        JsonNode body = null;
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            body = get(BASE + "/users/newcomer?n=3", 200);
            if (body.get("algorithm").asString().equals("als")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(body.get("algorithm").asString()).isEqualTo("als");
        assertThat(ids(body)).doesNotContain("k1", "k2").allSatisfy(id -> assertThat(id).startsWith("k"));
    }

    @Test
    @Order(6)
    void sessionIgnoresAndReportsUnknownItems() throws Exception {
        JsonNode body = post(BASE + "/session", "{\"itemIds\":[\"s1\",\"nope\"],\"n\":4}", 200);

        assertThat(body.get("unknownItems").get(0).asString()).isEqualTo("nope");
        assertThat(ids(body)).hasSize(4).doesNotContain("s1");
        assertThat(ids(get(BASE + "/items/s1/similar?n=3", 200))).doesNotContain("s1")
                .allSatisfy(id -> assertThat(id).startsWith("s"));
        JsonNode cold = get(BASE + "/items/k7/similar?n=3", 200);
        assertThat(cold.get("algorithm").asString()).isEqualTo("content");
        assertThat(ids(cold)).hasSize(3).doesNotContain("k7").allSatisfy(id -> assertThat(id).startsWith("k"));
    }

    @Test
    @Order(7)
    void rejectsBadParametersWithProblemDetails() throws Exception {
        assertThat(get(BASE + "/users/u1?n=0", 400).get("status").asInt()).isEqualTo(400);
        get(BASE + "/users/u1?algorithm=magic", 400);
        get(BASE + "/users/u1?n=abc", 400);
        post(BASE + "/session", "{\"itemIds\":[]}", 400);
        get(BASE + "/items/unknown/similar", 404);
    }

    @Test
    @Order(8)
    void comparesTheServedModelOnTheSameSliceNotByItsStoredScore() throws Exception {
        // a served version whose stored validation score (1.0) was measured on some other slice
        long stale = jdbc.sql("""
                insert into recommend.model_versions (algorithm, status, train_seconds, users, items, interactions,
                    last_event_id, validation_ndcg, validation_hr, validation_users, params, artifact)
                select algorithm, 'accepted', train_seconds, users, items, interactions, last_event_id, 1.0, 1.0,
                    validation_users, params, artifact
                from recommend.model_versions where status = 'accepted' order by id desc limit 1
                returning id""").query(Long.class).single();
        assertThat(registry.loadLatest()).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(stale));

        JsonNode version = post(BASE + "/admin/train", "", 200);

        // the same configuration retrained on this run's slice scores the same: not worse, so accepted
        JsonNode validation = version.get("params").get("validation");
        assertThat(validation.get("served_ndcg").asDouble()).isEqualTo(version.get("validationNdcg").asDouble());
        assertThat(version.get("status").asString()).isEqualTo("accepted");
        assertThat(get(BASE + "/admin/models", 200).get("served").get("id").asLong())
                .isEqualTo(version.get("id").asLong());
    }

    @Test
    @Order(9)
    void foldsInAnEventWhoseTransactionCommitsAfterAHigherId() throws Exception {
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("""
                    insert into behavior.events (event_id, type, user_id, session_id, product_id, occurred_at)
                    values ('late-1', 'purchase', 'late', 's-late', 'k3', now())""")) {
                insert.executeUpdate();
            }
            event("late", "k4", "view");
            await(() -> interactions.history("late").weightsSnapshot().containsKey("k4"));
            assertThat(interactions.history("late").weightsSnapshot()).doesNotContainKey("k3");

            slow.commit();
        }

        await(() -> interactions.history("late").weightsSnapshot().containsKey("k3"));
        assertThat(interactions.history("late").purchased()).containsExactly("k3");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }

    private void product(String id, String title, String category, boolean inStock) {
        jdbc.sql("insert into catalog.products (id, title, category_path, in_stock) values (?, ?, ?, ?)")
                .params(id, title, category, inStock).update();
    }

    private void event(String user, String product, String type) {
        eventSeq++;
        jdbc.sql("""
                insert into behavior.events (event_id, type, user_id, session_id, product_id, occurred_at)
                values (?, ?, ?, ?, ?, now() - make_interval(secs => ?))""")
                .params("e" + eventSeq + "-" + user, type, user, "s-" + user, product, 1000 - eventSeq).update();
    }

    private static List<String> ids(JsonNode body) {
        return body.get("items").valueStream().map(item -> item.get("itemId").asString()).toList();
    }

    private JsonNode get(String path, int status) throws Exception {
        return get(path, status, false);
    }

    private JsonNode get(String path, int status, boolean text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(status);
        return text ? json.getNodeFactory().stringNode(response.body()) : json.readTree(response.body());
    }

    private JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
