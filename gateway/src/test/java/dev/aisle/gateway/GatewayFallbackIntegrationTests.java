package dev.aisle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.gateway.access.CredentialStore;
import dev.aisle.gateway.fallback.PopularItemsCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the gateway answers when a downstream service is slow, failing or stopped. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayFallbackIntegrationTests {

    static final String KEY = "fallback-test-key";
    static final String POPULAR = """
            {"userId":null,"algorithm":"popular","modelVersion":null,"unknownItems":[],"items":[
             {"itemId":"p-1","score":9.0,"reason":"popular"},{"itemId":"p-2","score":8.0,"reason":"popular"},
             {"itemId":"p-3","score":7.0,"reason":"popular"},{"itemId":"p-4","score":6.0,"reason":"popular"}]}
            """;

    static final StubService search = StubService.start("search");
    static final StubService recommend = StubService.start("recommend")
            .answer("/api/v1/recommendations/popular", StubService.Answer.json(POPULAR));
    static final String stoppedUrl = stoppedService();

    @LocalServerPort
    int port;

    @Autowired
    PopularItemsCache popularCache;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("aisle.gateway.downstream.search-url", search::url);
        registry.add("aisle.gateway.downstream.recommend-url", recommend::url);
        registry.add("aisle.gateway.downstream.behavior-url", () -> stoppedUrl);
        registry.add("aisle.gateway.api-keys[0].name", () -> "storefront");
        registry.add("aisle.gateway.api-keys[0].key-hash", () -> CredentialStore.sha256Hex(KEY));
        registry.add("aisle.gateway.api-keys[0].rate-limit", () -> "1000");
        registry.add("aisle.gateway.timeouts.read-ms", () -> "800");
        registry.add("aisle.gateway.fallback.popular-refresh", () -> "1h");
        registry.add("aisle.gateway.downstream.window-size", () -> "4");
    }

    static String stoppedService() {
        StubService stub = StubService.start("stopped");
        stub.close();
        return stub.url();
    }

    @AfterAll
    static void stopStubs() {
        search.close();
        recommend.close();
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void answersPrompt503ProblemWhenServiceIsStopped() {
        long start = System.nanoTime();
        client.get().uri("/api/v1/analytics/kpis").header(CredentialStore.API_KEY_HEADER, KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Aisle-Fallback", "unreachable")
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.instance").isEqualTo("/api/v1/analytics/kpis");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        client.post().uri("/api/v1/events").header(CredentialStore.API_KEY_HEADER, KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"eventId\":\"e-1\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(meters.counter("aisle.gateway.fallbacks", "route", "behavior", "reason", "unreachable").count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void answers503WithTimeoutReasonInsteadOfHanging() {
        search.answer("/api/v1/search", new StubService.Answer(200, "application/json", "{}", 5_000));
        long start = System.nanoTime();
        client.get().uri("/api/v1/search?q=slow").header(CredentialStore.API_KEY_HEADER, KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Aisle-Fallback", "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4_000));
        // the read timeout of search routes does not cut the catalogue's bulk writes short
        search.answer("/api/v1/catalog/products", new StubService.Answer(200, "application/json", "{}", 1_500));
        client.post().uri("/api/v1/catalog/products").header(CredentialStore.API_KEY_HEADER, KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]").exchange()
                .expectStatus().isOk();
    }

    @Test
    void servesCachedPopularItemsWhenRecommendServiceFails() {
        assertThat(popularCache.refresh().block(Duration.ofSeconds(10))).isNotNull();

        recommend.answer("/api/v1/recommendations/users/u-7", new StubService.Answer(500, "application/json",
                "{\"status\":500}", 0));
        client.get().uri("/api/v1/recommendations/users/u-7?n=2").header(CredentialStore.API_KEY_HEADER, KEY)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Aisle-Fallback", "upstream-500")
                .expectBody()
                .jsonPath("$.algorithm").isEqualTo("gateway-cached-popular")
                .jsonPath("$.userId").isEqualTo("u-7")
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].itemId").isEqualTo("p-1")
                .jsonPath("$.items[0].score").isEqualTo(9.0);

        recommend.close();
        client.get().uri("/api/v1/recommendations/items/p-9/similar?n=3").header(CredentialStore.API_KEY_HEADER, KEY)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Aisle-Fallback", "unreachable")
                .expectBody()
                .jsonPath("$.algorithm").isEqualTo("gateway-cached-popular")
                .jsonPath("$.items.length()").isEqualTo(3);
        assertThat(meters.counter("aisle.gateway.fallbacks", "route", "recommend", "reason", "unreachable").count())
                .isGreaterThanOrEqualTo(1.0);
        // admin calls get no stale data, only a prompt 503
        client.post().uri("/api/v1/recommendations/admin/train").headers(h -> h.setBasicAuth("nobody", "x"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    @Order(Integer.MAX_VALUE) // leaves behavior-service's breaker open
    void opensTheCircuitAfterRepeatedFailuresAndAnswersWithoutCallingTheService() {
        String reason = null;
        for (int i = 0; i < 8 && !"circuit-open".equals(reason); i++) {
            reason = client.get().uri("/api/v1/predictions/next-item?sessionId=s-" + i)
                    .header(CredentialStore.API_KEY_HEADER, KEY).exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .returnResult(String.class).getResponseHeaders().getFirst("X-Aisle-Fallback");
        }
        assertThat(reason).isEqualTo("circuit-open");
        assertThat(meters.counter("aisle.gateway.fallbacks", "route", "behavior", "reason", "circuit-open").count())
                .isGreaterThanOrEqualTo(1.0);
    }
}
