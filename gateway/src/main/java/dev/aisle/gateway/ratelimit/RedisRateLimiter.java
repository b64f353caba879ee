package dev.aisle.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The same token bucket as {@link TokenBucket}, kept in Redis and updated atomically by a Lua script using the Redis
 * server's clock, so every gateway replica draws from one bucket per caller. When Redis cannot be reached the
 * request is let through (fail open) and a warning is logged: an outage of the limiter must not take the storefront
 * down.
 */
public class RedisRateLimiter implements RequestRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    // KEYS[1] bucket; ARGV rate (tokens/s), burst. Returns {allowed 0|1, whole tokens left, wait in ms}.
    private static final String SCRIPT = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1]) or burst
            local ts = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
            return {allowed, math.floor(tokens), wait}
            """;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TOKEN_BUCKET = RedisScript.of(SCRIPT, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    /**
     * @param redis the template to run the script with
     * @param keyPrefix prefix of the bucket keys, e.g. {@code aisle:ratelimit:}
     */
    public RedisRateLimiter(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Mono<RateLimitDecision> tryAcquire(String key, double ratePerSecond, int burst) {
        return redis.execute(TOKEN_BUCKET, List.of(keyPrefix + key),
                        List.of(Double.toString(ratePerSecond), Integer.toString(burst)))
                .next()
                .map(RedisRateLimiter::decision)
                .timeout(Duration.ofSeconds(1))
                .onErrorResume(e -> {
                    log.warn("rate limiter: Redis unavailable, letting the request through: {}", e.toString());
                    return Mono.just(RateLimitDecision.allow(burst));
                });
    }

    private static RateLimitDecision decision(List<?> result) {
        long allowed = ((Number) result.get(0)).longValue();
        long remaining = ((Number) result.get(1)).longValue();
        long waitMillis = ((Number) result.get(2)).longValue();
        return allowed == 1 ? RateLimitDecision.allow(remaining)
                : RateLimitDecision.deny(Duration.ofMillis(waitMillis));
    }
}
