package dev.aisle.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket (the committed-rate bucket of RFC 2697, section 3): it holds at most {@code burst} tokens and
 * refills continuously at {@code rate} tokens per second, {@code tokens = min(burst, tokens + rate * Δt)}; a request
 * passes when it can take one token, otherwise it must wait {@code (1 - tokens) / rate} seconds.
 */
final class TokenBucket {

    private double tokens;
    private long lastNanos;

    TokenBucket(int burst, long nowNanos) {
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    synchronized RateLimitDecision tryAcquire(long nowNanos, double rate, int burst) {
        if (rate <= 0) {
            throw new IllegalArgumentException("illegal rate " + rate + ", must be positive");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("illegal burst " + burst + ", must be at least 1");
        }
        long elapsed = Math.max(0, nowNanos - lastNanos);
        tokens = Math.min(burst, tokens + elapsed / 1e9 * rate);
        lastNanos = Math.max(lastNanos, nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return RateLimitDecision.allow((long) tokens);
        }
        double waitSeconds = (1 - tokens) / rate;
        return RateLimitDecision.deny(Duration.ofNanos((long) Math.ceil(waitSeconds * 1e9)));
    }
}
