package dev.aisle.gateway.problem;

import dev.aisle.gateway.request.RequestIdFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@code application/problem+json} body (RFC 9457) with the request id to an exchange's response. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Writes a problem with the status's reason phrase as title. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, headers -> { });
    }

    /** Writes a problem, letting the caller add headers such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail,
            Consumer<HttpHeaders> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.accept(response.getHeaders());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        String originalPath = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        body.put("instance", originalPath != null ? originalPath : exchange.getRequest().getPath().value());
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(buffer));
    }
}
