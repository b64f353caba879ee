package dev.aisle.gateway.access;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** CORS for the configured storefront origins, answered by the gateway before any credential check. */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    CorsWebFilter corsWebFilter(CorsProperties properties) {
        org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Authorization", CredentialStore.API_KEY_HEADER,
                "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "X-Aisle-Fallback",
                AccessFilter.REMAINING_HEADER));
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new OrderedCorsWebFilter(source);
    }

    /** Runs right after the request-id filter, so preflight answers carry the id and need no credential. */
    private static final class OrderedCorsWebFilter extends CorsWebFilter implements Ordered {

        OrderedCorsWebFilter(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }
    }
}
