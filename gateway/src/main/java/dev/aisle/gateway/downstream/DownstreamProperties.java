package dev.aisle.gateway.downstream;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the downstream services are and how the gateway watches them.
 *
 * @param searchUrl search-service; default {@code AISLE_SEARCH_URL} or {@code http://localhost:8082}
 * @param recommendUrl recommend-service; default {@code AISLE_RECOMMEND_URL} or {@code http://localhost:8081}
 * @param behaviorUrl behavior-service; default {@code AISLE_BEHAVIOR_URL} or {@code http://localhost:8083}
 * @param healthTimeout how long the gateway's health check waits for a service's readiness; default 2s
 * @param failureRateThreshold percentage of failed calls (of the last {@code windowSize}) that opens a service's
 *     circuit breaker; default 50
 * @param windowSize calls in the circuit breaker's sliding window, also the fewest calls before it may open;
 *     default 20
 * @param openWait how long an open circuit breaker rejects calls before letting a few probe; default 10s
 */
@ConfigurationProperties("aisle.gateway.downstream")
@Validated
public record DownstreamProperties(@NotNull URI searchUrl, @NotNull URI recommendUrl, @NotNull URI behaviorUrl,
        Duration healthTimeout, Integer failureRateThreshold, Integer windowSize, Duration openWait) {

    public DownstreamProperties {
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
        windowSize = windowSize == null ? 20 : windowSize;
        openWait = openWait == null ? Duration.ofSeconds(10) : openWait;
        if (failureRateThreshold < 1 || failureRateThreshold > 100) {
            throw new IllegalArgumentException(
                    "illegal failure-rate-threshold " + failureRateThreshold + ", must be between 1 and 100");
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("illegal window-size " + windowSize + ", must be at least 1");
        }
    }

    /** The services by the names used for circuit breakers, health components and fallbacks. */
    public Map<String, URI> byName() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("search", searchUrl);
        services.put("recommend", recommendUrl);
        services.put("behavior", behaviorUrl);
        return services;
    }
}
