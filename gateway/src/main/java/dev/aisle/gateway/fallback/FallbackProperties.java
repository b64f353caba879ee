package dev.aisle.gateway.fallback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Fallback behaviour.
 *
 * @param retryAfter the {@code Retry-After} sent with a fallback 503; default 5s
 * @param popularRefresh how often the cached popular list is fetched from recommend-service; default 1 minute
 * @param popularSize how many popular items are cached (the most a fallback can serve); default 100
 */
@ConfigurationProperties("aisle.gateway.fallback")
@Validated
public record FallbackProperties(Duration retryAfter, Duration popularRefresh, Integer popularSize) {

    public FallbackProperties {
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        popularRefresh = popularRefresh == null ? Duration.ofMinutes(1) : popularRefresh;
        popularSize = popularSize == null ? 100 : popularSize;
        if (popularSize < 1) {
            throw new IllegalArgumentException("illegal popular-size " + popularSize + ", must be at least 1");
        }
    }
}
