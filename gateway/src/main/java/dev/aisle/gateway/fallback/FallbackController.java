package dev.aisle.gateway.fallback;

import dev.aisle.gateway.problem.ProblemWriter;
import dev.aisle.gateway.request.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The circuit breakers' forward targets: cached popular items for recommendations, a prompt 503 problem with
 * {@code Retry-After} for everything else. Each answer carries {@code X-Aisle-Fallback: <reason>} and is counted in
 * {@code aisle.gateway.fallbacks{route,reason}}. Not reachable from outside (the access filter answers 404).
 */
@Hidden
@RestController
class FallbackController {

    /** The response header that marks a fallback answer and says why it was given. */
    static final String HEADER = "X-Aisle-Fallback";

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private static final Pattern USER_PATH = Pattern.compile("/api/v1/recommendations/users/([^/]+)");
    private static final int DEFAULT_N = 10;

    private final PopularItemsCache popular;
    private final FallbackProperties properties;
    private final ProblemWriter problems;
    private final MeterRegistry meters;
    private final JsonMapper json;

    FallbackController(PopularItemsCache popular, FallbackProperties properties, ProblemWriter problems,
            MeterRegistry meters, JsonMapper json) {
        this.json = json;
        this.popular = popular;
        this.properties = properties;
        this.problems = problems;
        this.meters = meters;
    }

    /** The recommendation response shape, filled from the cached popular list. */
    record CachedRecommendations(String userId, String algorithm, Long modelVersion,
            List<PopularItemsCache.Item> items, List<String> unknownItems) {
    }

    @RequestMapping("/fallback/recommend-popular")
    Mono<Void> recommendations(ServerWebExchange exchange) {
        String reason = FallbackReason.of(exchange.getAttribute(
                ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR));
        PopularItemsCache.Snapshot snapshot = popular.snapshot();
        if (snapshot == null) {
            return unavailable("recommend", exchange, reason);
        }
        count(exchange, reason);
        int n = requestedCount(exchange);
        String originalPath = exchange.getAttribute(RequestIdFilter.ORIGINAL_PATH_ATTRIBUTE);
        Matcher user = USER_PATH.matcher(originalPath != null ? originalPath : "");
        CachedRecommendations body = new CachedRecommendations(user.matches() ? user.group(1) : null,
                "gateway-cached-popular", null, snapshot.items().stream().limit(n).toList(), List.of());
        byte[] bytes = json.writeValueAsBytes(body);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(bytes.length);
        response.getHeaders().set(HEADER, reason);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        return unavailable(service, exchange, FallbackReason.of(exchange.getAttribute(
                ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)));
    }

    private Mono<Void> unavailable(String service, ServerWebExchange exchange, String reason) {
        count(exchange, reason);
        long retryAfter = Math.max(1, properties.retryAfter().toSeconds());
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is unavailable (" + reason + "); try again shortly", headers -> {
                    headers.set(HEADER, reason);
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                });
    }

    private void count(ServerWebExchange exchange, String reason) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "unknown" : route.getId();
        Counter.builder("aisle.gateway.fallbacks")
                .description("Answers the gateway gave in place of a failed downstream call")
                .tag("route", routeId)
                .tag("reason", reason)
                .register(meters)
                .increment();
        log.warn("request {}: route {} failed ({}), answering with a fallback",
                exchange.getAttribute(RequestIdFilter.ATTRIBUTE), routeId, reason);
    }

    private static int requestedCount(ServerWebExchange exchange) {
        String n = exchange.getRequest().getQueryParams().getFirst("n");
        try {
            return n == null ? DEFAULT_N : Math.max(1, Integer.parseInt(n.trim()));
        }
        catch (NumberFormatException e) {
            return DEFAULT_N;
        }
    }
}
