package dev.aisle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceSupportIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void connectsToARealPostgresql() throws Exception {
        HttpResponse<String> response = get("/db");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("PostgreSQL");
    }

    @Test
    void rendersNotFoundAsProblemJson() throws Exception {
        HttpResponse<String> response = get("/items/42");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("No item with id 42");
    }

    @Test
    void listsEveryInvalidFieldOfABody() throws Exception {
        HttpResponse<String> response = post("/items", "{\"name\":\"\",\"price\":-1}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"name\"").contains("\"field\":\"price\"");
    }

    @Test
    void rejectsMalformedJsonWithBadRequest() throws Exception {
        HttpResponse<String> response = post("/items", "{\"name\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Malformed request body");
    }

    @Test
    void rejectsOutOfRangeAndMistypedParameters() throws Exception {
        assertThat(get("/page?size=1000").statusCode()).isEqualTo(400);
        assertThat(get("/page?size=abc").statusCode()).isEqualTo(400);
        assertThat(get("/page").statusCode()).isEqualTo(400);
    }

    @Test
    void answersNotReadyWithRetryAfter() throws Exception {
        HttpResponse<String> response = get("/model");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("12");
    }

    @Test
    void hidesInternalsOfBugs() throws Exception {
        HttpResponse<String> response = get("/bug");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret internals");
    }

    @Test
    void forwardsTheGatewayRequestIdIntoLogsAndResponse(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/mdc", "X-Request-Id", "abc-123");
        assertThat(output).contains("[abc-123]").contains("GET /mdc -> 200");
        assertThat(response.body()).contains("abc-123");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(get("/mdc").headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void exposesPrometheusAndProbes() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }
}
