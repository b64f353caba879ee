package dev.aisle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.gateway.access.CredentialStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rate limits kept in Redis hold across gateway replicas: two gateways share one bucket per key. Needs Redis on
 * 127.0.0.1:6379 and is skipped when it is not reachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisRateLimitIntegrationTests {

    static final String KEY = "redis-test-key";
    // a fresh bucket name per run, so earlier runs' state in Redis cannot matter
    static final String KEY_NAME = "redis-test-" + UUID.randomUUID();
    static final StubService search = StubService.start("search");

    static ConfigurableApplicationContext secondReplica;

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
        }
        catch (IOException e) {
            Assumptions.abort("Redis is not reachable on 127.0.0.1:6379 (" + e.getMessage()
                    + "): skipping the Redis-backed rate-limit test");
        }
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        settings().forEach((key, value) -> registry.add(key, () -> value));
    }

    static java.util.Map<String, String> settings() {
        return java.util.Map.of(
                "spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", "6379",
                "aisle.gateway.downstream.search-url", search.url(),
                "aisle.gateway.downstream.recommend-url", search.url(),
                "aisle.gateway.downstream.behavior-url", search.url(),
                "aisle.gateway.api-keys[0].name", KEY_NAME,
                "aisle.gateway.api-keys[0].key-hash", CredentialStore.sha256Hex(KEY),
                "aisle.gateway.api-keys[0].rate-limit", "0.2",
                "aisle.gateway.api-keys[0].burst", "4");
    }

    @AfterAll
    static void stop() {
        if (secondReplica != null) {
            secondReplica.close();
        }
        search.close();
    }

    @Test
    void sharesOneBucketPerKeyAcrossReplicas() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        settings().forEach((key, value) -> args.add("--" + key + "=" + value));
        secondReplica = new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
        int secondPort = ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
        WebTestClient first = client(port);
        WebTestClient second = client(secondPort);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            WebTestClient replica = i % 2 == 0 ? first : second;
            statuses.add(replica.get().uri("/api/v1/search?q=" + i).header(CredentialStore.API_KEY_HEADER, KEY)
                    .exchange().returnResult(String.class).getStatus().value());
        }
        // burst 4 shared by both replicas: 4 pass in all, not 4 per replica
        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
        second.get().uri("/api/v1/search?q=again").header(CredentialStore.API_KEY_HEADER, KEY).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 5L));
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }
}
