package dev.aisle.gateway.downstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Resilience4j circuit breaker per downstream service (named {@code search}, {@code recommend},
 * {@code behavior} in the routes), configured from {@link DownstreamProperties}. The routes' response timeouts bound
 * each call; the breaker's own time limiter is switched off in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> downstreamCircuitBreakers(DownstreamProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.windowSize())
                .minimumNumberOfCalls(properties.windowSize())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.openWait())
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
        // only used if the time limiter is switched back on: never shorter than the longest route timeout
        TimeLimiterConfig limiter = TimeLimiterConfig.custom().timeoutDuration(Duration.ofMinutes(11)).build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker).timeLimiterConfig(limiter).build());
    }
}
