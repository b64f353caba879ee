package dev.aisle.behavior.event;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deferred fold of ingested events into the analytics rollups ({@link RollupFolder}).
 *
 * @param foldBatch most pending events one fold statement takes (default 50,000)
 * @param foldDelay pause between two scheduled folds (default 500 ms; read by the scheduler)
 */
@Validated
@ConfigurationProperties("aisle.behavior.rollups")
public record RollupProperties(@Min(1) int foldBatch, Duration foldDelay) {

    public RollupProperties {
        if (foldBatch == 0) {
            foldBatch = 50_000;
        }
        if (foldDelay == null) {
            foldDelay = Duration.ofMillis(500);
        }
    }
}
