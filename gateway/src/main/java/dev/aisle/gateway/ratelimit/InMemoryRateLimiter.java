package dev.aisle.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/** Token buckets held in this JVM: limits apply per gateway replica. */
public class InMemoryRateLimiter implements RequestRateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public InMemoryRateLimiter() {
        this(System::nanoTime);
    }

    InMemoryRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<RateLimitDecision> tryAcquire(String key, double ratePerSecond, int burst) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, now));
        return Mono.just(bucket.tryAcquire(now, ratePerSecond, burst));
    }
}
