package dev.aisle.gateway.ratelimit;

import java.time.Duration;

/**
 * Whether one request may pass.
 *
 * @param allowed whether a token was taken
 * @param remaining whole tokens left after this request
 * @param retryAfter when refused, how long until a token is available; zero when allowed
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {

    static RateLimitDecision allow(long remaining) {
        return new RateLimitDecision(true, remaining, Duration.ZERO);
    }

    static RateLimitDecision deny(Duration retryAfter) {
        return new RateLimitDecision(false, 0, retryAfter);
    }

    /** {@code Retry-After} in whole seconds, rounded up and at least 1. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
