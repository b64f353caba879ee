package dev.aisle.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses the rate limiter: Redis-backed when {@code spring.data.redis.host} or {@code spring.data.redis.url} is
 * configured (limits then hold across replicas), in memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    RequestRateLimiter requestRateLimiter(Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        boolean redisConfigured = environment.containsProperty("spring.data.redis.host")
                || environment.containsProperty("spring.data.redis.url");
        if (redisConfigured) {
            log.info("rate limits are kept in Redis and shared by all gateway replicas");
            return new RedisRateLimiter(redis.getObject(), "aisle:ratelimit:");
        }
        log.info("rate limits are kept in memory (configure spring.data.redis.host to share them across replicas)");
        return new InMemoryRateLimiter();
    }
}
