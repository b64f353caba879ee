package dev.aisle.gateway.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The credentials the gateway accepts. Nothing is accepted by default: without configured keys or users (or the
 * {@code demo} profile) every API path answers 401.
 *
 * @param apiKeys storefront API keys, sent by clients in {@code X-API-Key}; default none
 * @param adminUsers admin users for HTTP Basic on admin paths (and any other path); default none
 */
@ConfigurationProperties("aisle.gateway")
@Validated
public record AccessProperties(@Valid List<ApiKey> apiKeys, @Valid List<AdminUser> adminUsers) {

    public AccessProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        adminUsers = adminUsers == null ? List.of() : List.copyOf(adminUsers);
    }

    /**
     * One storefront API key, stored hashed.
     *
     * @param name the client's name (logs, metrics, rate-limit bucket)
     * @param keyHash lower- or upper-case hex SHA-256 of the key ({@code printf %s KEY | sha256sum})
     * @param rateLimit sustained requests per second; default 100
     * @param burst token-bucket capacity, the most requests accepted at once; default {@code max(1, rateLimit)}
     */
    public record ApiKey(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String keyHash,
            @Positive Double rateLimit, @Positive Integer burst) {

        public ApiKey {
            rateLimit = rateLimit == null ? 100.0 : rateLimit;
            burst = burst == null ? Math.max(1, (int) Math.ceil(rateLimit)) : burst;
        }
    }

    /**
     * One admin user for HTTP Basic.
     *
     * @param username the user name
     * @param passwordHash the bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$})
     * @param rateLimit sustained requests per second; default 50
     * @param burst token-bucket capacity; default {@code max(1, rateLimit)}
     */
    public record AdminUser(@NotBlank String username,
            @NotBlank @Pattern(regexp = "\\$2[aby]?\\$\\d\\d\\$.{53}") String passwordHash,
            @Positive Double rateLimit, @Positive Integer burst) {

        public AdminUser {
            rateLimit = rateLimit == null ? 50.0 : rateLimit;
            burst = burst == null ? Math.max(1, (int) Math.ceil(rateLimit)) : burst;
        }
    }
}
