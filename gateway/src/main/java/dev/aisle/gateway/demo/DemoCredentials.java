package dev.aisle.gateway.demo;

import dev.aisle.gateway.access.AccessProperties;
import dev.aisle.gateway.access.CredentialStore;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile: adds a storefront key named {@code demo} and an admin user {@code admin} (from
 * {@link DemoProperties}, random where unset) and prints them in a box once the gateway is ready.
 */
@Component
@Profile("demo")
class DemoCredentials {

    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);

    /** The demo admin user's name. */
    static final String ADMIN_USER = "admin";

    private final String apiKey;
    private final String adminPassword;
    private final double rateLimit;

    DemoCredentials(DemoProperties properties, CredentialStore store) {
        // key material is a secret, not an experiment: SecureRandom, deliberately unseeded
        SecureRandom random = new SecureRandom();
        this.apiKey = hasText(properties.apiKey()) ? properties.apiKey().trim() : "aisle-demo-" + token(random);
        this.adminPassword = hasText(properties.adminPassword()) ? properties.adminPassword() : token(random);
        this.rateLimit = properties.rateLimit();
        int burst = Math.max(1, (int) Math.ceil(rateLimit));
        store.addApiKey(new AccessProperties.ApiKey("demo", CredentialStore.sha256Hex(apiKey), rateLimit, burst));
        store.addAdminUser(new AccessProperties.AdminUser(ADMIN_USER, store.bcrypt(adminPassword), 50.0, 100));
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String[] lines = {
            "Aisle demo credentials",
            "storefront API key : " + apiKey + "   (header X-API-Key, " + rateLimit + " req/s)",
            "admin user         : " + ADMIN_USER + " / " + adminPassword + "   (HTTP Basic)",
            "set AISLE_DEMO_API_KEY / AISLE_ADMIN_PASSWORD to choose them",
        };
        int width = 0;
        for (String line : lines) {
            width = Math.max(width, line.length());
        }
        StringBuilder box = new StringBuilder("\n+").append("-".repeat(width + 2)).append("+\n");
        for (String line : lines) {
            box.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
        }
        box.append('+').append("-".repeat(width + 2)).append('+');
        log.info(box.toString());
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
