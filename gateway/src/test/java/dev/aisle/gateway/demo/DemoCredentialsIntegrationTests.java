package dev.aisle.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.gateway.StubService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The demo profile accepts the key and admin password it is given, with the given rate limit, and prints them. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoCredentialsIntegrationTests {

    static final StubService services = StubService.start("any");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("aisle.gateway.downstream.search-url", services::url);
        registry.add("aisle.gateway.downstream.recommend-url", services::url);
        registry.add("aisle.gateway.downstream.behavior-url", services::url);
        registry.add("aisle.gateway.demo.api-key", () -> "demo-key-from-env");
        registry.add("aisle.gateway.demo.admin-password", () -> "demo-admin-pw");
        registry.add("aisle.gateway.demo.rate-limit", () -> "1");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void acceptsTheGivenDemoKeyAndAdminWithTheGivenRateLimit(CapturedOutput output) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        client.post().uri("/api/v1/search/admin/reindex").headers(h -> h.setBasicAuth("admin", "demo-admin-pw"))
                .exchange().expectStatus().isOk();
        client.post().uri("/api/v1/search/admin/reindex").header("X-API-Key", "demo-key-from-env")
                .exchange().expectStatus().isForbidden();
        // 1 request/s with a burst of 1: of four back-to-back requests the first passes, later ones are refused
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(client.get().uri("/api/v1/search?q=" + i).header("X-API-Key", "demo-key-from-env")
                    .exchange().returnResult(String.class).getStatus().value());
        }
        assertThat(statuses.get(0)).isEqualTo(200);
        assertThat(statuses).contains(429).containsOnly(200, 429);
        assertThat(output.getAll()).contains("Aisle demo credentials").contains("demo-key-from-env")
                .contains("admin / demo-admin-pw");
    }
}
