package dev.aisle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aisle.cli.importer.SuiteClient;
import dev.aisle.cli.suite.DemoCredentials;
import dev.aisle.cli.suite.DemoData;
import dev.aisle.cli.suite.EmbeddedDatabase;
import dev.aisle.cli.suite.SuiteApp;
import dev.aisle.cli.suite.SuiteLauncher;
import dev.aisle.simulator.SimulationParameters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite as a user runs it: the demo launcher starts the embedded PostgreSQL and the four Boot jars as
 * processes, and every call goes through the gateway with the demo credentials. Needs the Boot jars, so it runs in
 * {@code ./mvnw verify} (after the applications are packaged) and skips when they are missing or the suite's ports
 * are taken (e.g. a running {@code ./aisle demo}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTests {

    private static final String KEY = "e2e-storefront-key";

    private static final String ADMIN_PASSWORD = "e2e-admin-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final ByteArrayOutputStream LAUNCH_LOG = new ByteArrayOutputStream();

    private static SuiteLauncher launcher;

    private static SuiteClient client;

    private static SuiteClient anonymous;

    @BeforeAll
    static void startSuite() {
        List<Integer> ports = List.of(8080, 8081, 8082, 8083, EmbeddedDatabase.DEFAULT_PORT);
        assumeTrue(ports.stream().noneMatch(EmbeddedDatabase::listening),
                "Suite ports " + ports + " are in use (a running ./aisle demo?): end-to-end test skipped");
        launcher = newLauncher();
        assumeTrue(launcher.missingJars().isEmpty(),
                "Boot jars not built " + launcher.missingJars() + ": run ./mvnw verify (package before tests)");
        launcher.start();
        client = new SuiteClient(SuiteApp.GATEWAY.url(), KEY, ADMIN_PASSWORD, Duration.ofMinutes(3));
        anonymous = new SuiteClient(SuiteApp.GATEWAY.url(), null, null, Duration.ofSeconds(30));
    }

    private static SuiteLauncher newLauncher() {
        return new SuiteLauncher(ROOT, home, new DemoCredentials(KEY, ADMIN_PASSWORD), Duration.ofMinutes(4),
                new PrintStream(LAUNCH_LOG, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopSuite() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    @Order(1)
    void loadsTheSimulatedShopThroughTheGatewayAndTrains() {
        DemoData demo = new DemoData(client, new PrintStream(LAUNCH_LOG, true, StandardCharsets.UTF_8));
        assertThat(demo.catalogueSize()).hasValue(0);
        boolean loaded = demo.load(new SimulationParameters(300, 120, 14, 7L, SimulationParameters.DEFAULT_START),
                home.resolve("data"), 2000);
        assertThat(loaded).as(LAUNCH_LOG.toString(StandardCharsets.UTF_8)).isTrue();
        demo.train();
        assertThat(demo.catalogueSize()).hasValue(300);
    }

    @Test
    @Order(2)
    void upsertsAndListsProducts() {
        String products = """
                [{"id":"e2e-1","title":"Air Zoom basketball shoe","brand":"Nike",
                  "categoryPath":["Sports","Basketball","Shoes"],"price":89.99,"currency":"USD","inStock":true},
                 {"id":"e2e-2","title":"男子篮球鞋 高帮","brand":"Li-Ning","categoryPath":["Sports","Basketball","Shoes"],
                  "price":59.00,"currency":"CNY","language":"zh"}]""";
        SuiteClient.Response upsert = client.post("/api/v1/catalog/products", "application/json", products);
        assertThat(upsert.status()).as(upsert.body()).isBetween(200, 201);
        SuiteClient.Response again = client.post("/api/v1/catalog/products", "application/json", products);
        assertThat(again.ok()).as("idempotent upsert: " + again.body()).isTrue();

        JsonNode product = read(client.get("/api/v1/catalog/products/e2e-2"));
        assertThat(product.path("title").asString()).isEqualTo("男子篮球鞋 高帮");
        JsonNode page = read(client.get("/api/v1/catalog/products?size=5"));
        assertThat(page.toString()).contains("\"id\"");
        assertThat(demoCatalogueSize()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void storesAResentEventOnce() {
        String now = Instant.now().minusSeconds(60).toString();
        String events = "[" + event("e2e-ev-1", "view", now) + "," + event("e2e-ev-2", "add_to_cart", now) + "]";
        assertThat(client.post("/api/v1/events", "application/json", events).ok()).isTrue();
        SuiteClient.Response resent = client.post("/api/v1/events", "application/json", event("e2e-ev-1", "view", now));
        assertThat(resent.ok()).as(resent.body()).isTrue();
        assertThat(read(resent).toString()).contains("\"duplicates\":1");

        JsonNode stored = read(client.get("/api/v1/events?userId=e2e-user&size=50"));
        assertThat(stored.toString().split("e2e-ev-1", -1)).hasSize(2);
        assertThat(stored.toString()).contains("e2e-ev-2");
    }

    @Test
    @Order(4)
    void rejectsBadInputWithProblemJson() {
        SuiteClient.Response malformed = client.post("/api/v1/events", "application/json", "{\"eventId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"status\":400");

        SuiteClient.Response badProduct = client.post("/api/v1/catalog/products", "application/json",
                "[{\"id\":\"\",\"title\":\"\",\"price\":-3}]");
        assertThat(badProduct.status()).isEqualTo(400);

        assertThat(anonymous.get("/api/v1/catalog/products?size=1").status()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void searchesRecommendsAndReportsThroughTheGateway() {
        // the index is near real time: a change is searchable once its batch is embedded, which on a cold
        // service waits for the MiniLM model to load
        String search = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!search.contains("e2e-1") && System.nanoTime() < deadline) {
            search = read(client.get("/api/v1/search?q=basketball+shoe")).toString();
            if (!search.contains("e2e-1")) {
                sleep(Duration.ofSeconds(1));
            }
        }
        assertThat(search).contains("e2e-1");

        JsonNode popular = read(client.get("/api/v1/recommendations/popular?n=5"));
        assertThat(popular.path("items").size()).isPositive();

        JsonNode forUser = read(client.get("/api/v1/recommendations/users/never-seen-user?n=5"));
        assertThat(forUser.path("items").size()).isPositive();

        SuiteClient.Response kpis = client.get("/api/v1/analytics/kpis?from=2020-01-01&to=2030-01-01&interval=month");
        assertThat(kpis.status()).as(kpis.body()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void keepsTheDataAcrossARestart() {
        launcher.close();
        launcher = newLauncher();
        launcher.start();
        assertThat(demoCatalogueSize()).isEqualTo(302);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static long demoCatalogueSize() {
        return new DemoData(client, new PrintStream(LAUNCH_LOG, true, StandardCharsets.UTF_8))
                .catalogueSize().orElse(-1);
    }

    private static String event(String id, String type, String timestamp) {
        return JSON.writeValueAsString(Map.of("eventId", id, "type", type, "userId", "e2e-user", "sessionId",
                "e2e-session", "productId", "e2e-1", "timestamp", timestamp));
    }

    private static JsonNode read(SuiteClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
