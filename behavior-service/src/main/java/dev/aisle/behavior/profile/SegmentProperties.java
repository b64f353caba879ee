package dev.aisle.behavior.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * K-Means segmentation of user profiles.
 *
 * @param k number of segments (default 5)
 * @param seed seed of the k-means++ seeding (default 42)
 * @param maxIterations most Lloyd iterations (default 100)
 * @param recomputeInterval pause between two scheduled recomputations (default 1 hour; read by the scheduler)
 * @param initialDelay delay of the first scheduled recomputation after start-up (default 2 minutes)
 */
@Validated
@ConfigurationProperties("aisle.behavior.segments")
public record SegmentProperties(@Min(1) @Max(50) int k, long seed, @Min(1) int maxIterations,
        Duration recomputeInterval, Duration initialDelay) {

    public SegmentProperties {
        if (k == 0) {
            k = 5;
        }
        if (maxIterations == 0) {
            maxIterations = 100;
        }
        if (recomputeInterval == null) {
            recomputeInterval = Duration.ofHours(1);
        }
        if (initialDelay == null) {
            initialDelay = Duration.ofMinutes(2);
        }
    }
}
