package dev.aisle.gateway.access;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-origin access for storefront front-ends.
 *
 * @param allowedOrigins origins allowed to call {@code /api/**} from a browser, e.g. {@code https://shop.example};
 *     default none (the {@code demo} profile allows {@code http://localhost:3000} and {@code :5173})
 * @param maxAge how long browsers may cache a preflight answer; default 30 minutes
 */
@ConfigurationProperties("aisle.gateway.cors")
@Validated
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
    }
}
