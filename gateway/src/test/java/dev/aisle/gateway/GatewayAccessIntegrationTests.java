package dev.aisle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.gateway.access.CredentialStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Routing, credentials, rate limits, body limits, CORS and request ids, through a running gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayAccessIntegrationTests {

    static final String STOREFRONT_KEY = "storefront-test-key";
    static final String TINY_KEY = "tiny-test-key";
    static final String ADMIN_PASSWORD = "s3cret-admin";

    static final StubService search = StubService.start("search");
    static final StubService recommend = StubService.start("recommend");
    static final StubService behavior = StubService.start("behavior");

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("aisle.gateway.downstream.search-url", search::url);
        registry.add("aisle.gateway.downstream.recommend-url", recommend::url);
        registry.add("aisle.gateway.downstream.behavior-url", behavior::url);
        registry.add("aisle.gateway.api-keys[0].name", () -> "storefront");
        registry.add("aisle.gateway.api-keys[0].key-hash", () -> CredentialStore.sha256Hex(STOREFRONT_KEY));
        registry.add("aisle.gateway.api-keys[0].rate-limit", () -> "1000");
        registry.add("aisle.gateway.api-keys[1].name", () -> "tiny");
        registry.add("aisle.gateway.api-keys[1].key-hash", () -> CredentialStore.sha256Hex(TINY_KEY));
        registry.add("aisle.gateway.api-keys[1].rate-limit", () -> "0.2");
        registry.add("aisle.gateway.api-keys[1].burst", () -> "3");
        registry.add("aisle.gateway.admin-users[0].username", () -> "ops");
        registry.add("aisle.gateway.admin-users[0].password-hash",
                () -> new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD));
        registry.add("aisle.gateway.protection.max-body-size", () -> "1KB");
        registry.add("aisle.gateway.cors.allowed-origins", () -> "https://shop.example");
    }

    @AfterAll
    static void stopStubs() {
        search.close();
        recommend.close();
        behavior.close();
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void routesEachApiToItsService() {
        List<String[]> expectations = List.of(
                new String[] { "/api/v1/catalog/products?size=5", "search" },
                new String[] { "/api/v1/search?q=shoe", "search" },
                new String[] { "/api/v1/recommendations/popular?n=3", "recommend" },
                new String[] { "/api/v1/events", "behavior" },
                new String[] { "/api/v1/analytics/kpis", "behavior" },
                new String[] { "/api/v1/predictions/next-item", "behavior" });
        for (String[] expected : expectations) {
            client.get().uri(expected[0]).header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).as(expected[0]).contains("\"service\":\"" + expected[1] + "\""));
        }
    }

    @Test
    void rejectsRequestsWithoutCredentialsAsProblem() {
        client.get().uri("/api/v1/search?q=shoe").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("X-API-Key"))
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.requestId").exists();
    }

    @Test
    void rejectsUnknownApiKeyAndWrongAdminPassword() {
        client.get().uri("/api/v1/search?q=shoe").header(CredentialStore.API_KEY_HEADER, "not-a-key").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/v1/recommendations/admin/train").headers(h -> h.setBasicAuth("ops", "wrong"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void forbidsStorefrontKeyOnAdminPaths() {
        for (String path : List.of("/api/v1/recommendations/admin/train", "/api/v1/catalog/admin/reindex",
                "/api/v1/analytics/admin/recompute")) {
            client.post().uri(path).header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
        }
        assertThat(recommend.lastReceived("/api/v1/recommendations/admin/train")).isNull();
    }

    @Test
    void letsAdminCallAdminAndStorefrontPaths() {
        client.post().uri("/api/v1/recommendations/admin/train").headers(h -> h.setBasicAuth("ops", ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isOk();
        StubService.Received train = recommend.lastReceived("/api/v1/recommendations/admin/train");
        assertThat(train.header("X-Aisle-Caller")).isEqualTo("ops");
        assertThat(train.header("X-Aisle-Caller-Role")).isEqualTo("admin");
        assertThat(train.header("Authorization")).isNull();
        client.get().uri("/api/v1/search?q=shoe").headers(h -> h.setBasicAuth("ops", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void forwardsGivenRequestIdAndEchoesIt() {
        client.get().uri("/api/v1/search?q=given").header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY)
                .header("X-Request-Id", "req-42.abc").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-42.abc");
        StubService.Received received = search.lastReceived("/api/v1/search");
        assertThat(received.header("X-Request-Id")).isEqualTo("req-42.abc");
        assertThat(received.header("X-API-Key")).isNull();
        assertThat(received.header("X-Aisle-Caller-Role")).isEqualTo("storefront");
    }

    @Test
    void createsRequestIdWhenAbsentAndSendsTheSameDownstream() {
        EntityExchangeResult<byte[]> result = client.get().uri("/api/v1/analytics/created")
                .header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String echoed = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(echoed).isNotBlank();
        assertThat(behavior.lastReceived("/api/v1/analytics/created").header("X-Request-Id")).isEqualTo(echoed);
    }

    @Test
    void answers429WithRetryAfterOnceTheBurstIsSpent() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/search?q=" + i).header(CredentialStore.API_KEY_HEADER, TINY_KEY).exchange()
                    .expectStatus().isOk();
        }
        client.get().uri("/api/v1/search?q=over").header(CredentialStore.API_KEY_HEADER, TINY_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 5L));
        // another caller is not affected
        client.get().uri("/api/v1/search?q=other").header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void rejectsOversizedBodiesWith413() {
        byte[] big = new byte[2048];
        Arrays.fill(big, (byte) 'x');
        client.post().uri("/api/v1/events").header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        int before = behavior.received().size();
        Flux<DataBuffer> chunked = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(new String(big, 0, 256, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII)));
        client.post().uri("/api/v1/events").header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY)
                .contentType(MediaType.APPLICATION_JSON).body(chunked, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(behavior.received()).hasSize(before);
        client.post().uri("/api/v1/events").header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"eventId\":\"e-1\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void answersCorsPreflightForConfiguredOriginOnly() {
        client.options().uri("/api/v1/search").header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "X-API-Key").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example");
        client.options().uri("/api/v1/search").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void keepsHealthMetricsAndDocsOpenAndShowsEachDownstream() {
        search.answer("/actuator/health/readiness", new StubService.Answer(503, "application/json",
                "{\"status\":\"OUT_OF_SERVICE\"}", 0));
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.components.downstreams.components.search.status").isEqualTo("DOWN")
                .jsonPath("$.components.downstreams.components.recommend.status").isEqualTo("UP");
        search.answer("/actuator/health/readiness", StubService.Answer.json("{\"status\":\"UP\"}"));
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.downstreams.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        search.answer("/v3/api-docs", StubService.Answer.json(
                "{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://localhost:8082\"}],\"paths\":{}}"));
        client.get().uri("/v3/api-docs/search").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.servers[0].url").isEqualTo("http://127.0.0.1:" + port)
                .jsonPath("$.openapi").isEqualTo("3.1.0")
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("X-API-Key");
        assertThat(search.lastReceived("/v3/api-docs")).isNotNull();
    }

    @Test
    void hidesFallbackTargetsFromClients() {
        client.get().uri("/fallback/search").header(CredentialStore.API_KEY_HEADER, STOREFRONT_KEY).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
