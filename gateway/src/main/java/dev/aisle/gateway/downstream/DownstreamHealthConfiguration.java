package dev.aisle.gateway.downstream;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Adds a {@code downstreams} component to {@code /actuator/health} with one entry per service, each asking the
 * service's {@code /actuator/health/readiness} with a short timeout.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealthConfiguration {

    @Bean
    CompositeReactiveHealthContributor downstreams(DownstreamProperties properties) {
        WebClient client = WebClient.create();
        Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
        properties.byName().forEach((name, url) -> indicators.put(name, () -> readiness(client, url, properties)));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }

    private static Mono<Health> readiness(WebClient client, URI base, DownstreamProperties properties) {
        String url = base.toString().replaceAll("/+$", "") + "/actuator/health/readiness";
        return client.get().uri(url)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()
                        ? Health.up().withDetail("url", url).build()
                        : Health.down().withDetail("url", url)
                                .withDetail("status", response.statusCode().value()).build()))
                .timeout(properties.healthTimeout())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("url", url)
                        .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build()));
    }
}
