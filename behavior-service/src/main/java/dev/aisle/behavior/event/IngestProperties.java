package dev.aisle.behavior.event;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and sessionisation of event ingestion.
 *
 * @param maxEvents most events one request may carry; more gives 413 (default 10,000)
 * @param maxBytes most bytes one request body may have; more gives 413 (default 10 MiB)
 * @param sessionTimeout inactivity after which a user's next event opens a new server-side session (default 30
 *     minutes, GA4's default)
 */
@Validated
@ConfigurationProperties("aisle.behavior.ingest")
public record IngestProperties(@Min(1) int maxEvents, @Min(1) long maxBytes, @NotNull Duration sessionTimeout) {

    public IngestProperties {
        if (maxEvents == 0) {
            maxEvents = 10_000;
        }
        if (maxBytes == 0) {
            maxBytes = 10L * 1024 * 1024;
        }
        if (sessionTimeout == null) {
            sessionTimeout = Duration.ofMinutes(30);
        }
    }
}
