package dev.aisle.gateway.demo;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demo credentials, used only with the {@code demo} profile.
 *
 * @param apiKey the demo storefront key; default {@code AISLE_DEMO_API_KEY}, random when unset
 * @param adminPassword the password of admin user {@code admin}; default {@code AISLE_ADMIN_PASSWORD}, random when
 *     unset
 * @param rateLimit the demo key's requests per second (its burst is the same); default {@code AISLE_DEMO_RATE_LIMIT}
 *     or 200
 */
@ConfigurationProperties("aisle.gateway.demo")
@Validated
public record DemoProperties(String apiKey, String adminPassword, @Positive Double rateLimit) {

    public DemoProperties {
        rateLimit = rateLimit == null ? 200.0 : rateLimit;
    }
}
