package dev.aisle.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes one token from a caller's bucket. */
public interface RequestRateLimiter {

    /**
     * Takes one token from the bucket {@code key}, which refills at {@code ratePerSecond} up to {@code burst}.
     *
     * @param key the bucket, one per caller
     * @param ratePerSecond sustained rate, must be positive
     * @param burst bucket capacity, must be at least 1
     * @return the decision
     */
    Mono<RateLimitDecision> tryAcquire(String key, double ratePerSecond, int burst);
}
