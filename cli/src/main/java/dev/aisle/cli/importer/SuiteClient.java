package dev.aisle.cli.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small HTTP client for the suite's public API through the gateway: the storefront key goes in
 * {@code X-API-Key}, the admin password (when known) as HTTP Basic for user {@code admin}.
 */
public final class SuiteClient {

    /** Storefront API key header. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    private final String apiKey;

    private final String adminPassword;

    private final Duration timeout;

    /**
     * @param base gateway URL, e.g. {@code http://localhost:8080}
     * @param apiKey storefront API key, or {@code null}
     * @param adminPassword password of user {@code admin}, or {@code null}
     * @param timeout per-request timeout
     */
    public SuiteClient(String base, String apiKey, String adminPassword, Duration timeout) {
        this.base = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.apiKey = apiKey;
        this.adminPassword = adminPassword;
        this.timeout = timeout;
    }

    /** A response: status and body. */
    public record Response(int status, String body) {

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** POST without a body, with the admin credential. */
    public Response postAdmin(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (apiKey != null) {
            builder.header(API_KEY_HEADER, apiKey);
        }
        if (adminPassword != null && path.contains("/admin/")) {
            String token = Base64.getEncoder()
                    .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException ex) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + ex.getMessage(),
                    ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.uri(), ex);
        }
    }
}
