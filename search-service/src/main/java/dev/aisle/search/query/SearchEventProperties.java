package dev.aisle.search.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Reporting of searches to behavior-service.
 *
 * @param behaviorUrl base URL of behavior-service (default {@code http://localhost:8083}, env
 *     {@code AISLE_BEHAVIOR_URL})
 * @param enabled whether searches are reported (default true)
 * @param queueCapacity searches waiting to be sent; more are dropped, never blocking a search (default 1,000)
 * @param timeoutMs timeout of one report (default 2,000 ms)
 */
@Validated
@ConfigurationProperties("aisle.search.events")
public record SearchEventProperties(String behaviorUrl, Boolean enabled, @Min(1) @Max(1_000_000) Integer queueCapacity,
        @Min(1) Long timeoutMs) {

    public SearchEventProperties {
        behaviorUrl = behaviorUrl == null ? "http://localhost:8083" : behaviorUrl;
        enabled = enabled == null || enabled;
        queueCapacity = queueCapacity == null ? 1_000 : queueCapacity;
        timeoutMs = timeoutMs == null ? 2_000L : timeoutMs;
    }
}
