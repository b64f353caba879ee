package dev.aisle.recommend.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import dev.aisle.common.interaction.InteractionWeights;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recommend-service turns behaviour events into interactions and trains its models.
 *
 * @param algorithm primary personalised algorithm served and validated: {@code als} or {@code item-knn} (default als)
 * @param factors ALS latent dimensions (default 64: as good as 128 on MovieLens validation, and half the memory
 *     traffic when scoring a large catalogue per request)
 * @param regularization ALS λ, scaled by each row's interaction count (default 0.5)
 * @param alpha ALS confidence slope in {@code 1 + α·w} (default 1)
 * @param iterations ALS sweeps (default 15)
 * @param neighbours item-kNN neighbours per item (default 100)
 * @param shrinkage item-kNN cosine shrinkage (default 10)
 * @param seed seed of every random choice in training and validation (default 42)
 * @param eventWeights weight per event type ({@code view}, {@code click}, {@code add_to_cart}, {@code purchase};
 *     {@code rating} multiplies the rating value); types not listed weigh 0 (default view 1, click 1, add_to_cart
 *     3, purchase 5)
 * @param halfLife age at which an event's weight is halved for personalised models (default 30 days)
 * @param trendingHalfLife half-life of the trending ranking (default 3 days)
 * @param validationRatio share of users whose last interaction is held back for validation (default 0.2)
 * @param interval time between scheduled retrainings (default 1 hour)
 * @param initialDelay delay of the first scheduled training after start-up (default 30 s)
 * @param foldInInterval how often new events are polled and folded into users' state (default 2 s)
 */
@Validated
@ConfigurationProperties("aisle.recommend.training")
public record TrainingProperties(
        @DefaultValue("als") @Pattern(regexp = "als|item-knn") String algorithm,
        @DefaultValue("64") @Positive int factors,
        @DefaultValue("0.5") @PositiveOrZero double regularization,
        @DefaultValue("1.0") @PositiveOrZero double alpha,
        @DefaultValue("15") @Positive int iterations,
        @DefaultValue("100") @Positive int neighbours,
        @DefaultValue("10") @PositiveOrZero double shrinkage,
        @DefaultValue("42") long seed,
        Map<String, Double> eventWeights,
        @DefaultValue("P30D") @NotNull Duration halfLife,
        @DefaultValue("P3D") @NotNull Duration trendingHalfLife,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.9") double validationRatio,
        @DefaultValue("PT1H") @NotNull Duration interval,
        @DefaultValue("PT30S") @NotNull Duration initialDelay,
        @DefaultValue("PT2S") @NotNull Duration foldInInterval) {

    public TrainingProperties {
        eventWeights = eventWeights == null || eventWeights.isEmpty()
                ? Map.of("view", 1.0, "click", 1.0, "add_to_cart", 3.0, "purchase", 5.0)
                : Map.copyOf(eventWeights);
    }

    /**
     * The weights as the shared {@link InteractionWeights}: types missing from {@code eventWeights} weigh 0, a
     * {@code rating} event weighs its value times {@code eventWeights.rating} (default 1), decay uses
     * {@code halfLife}.
     */
    public InteractionWeights interactionWeights() {
        return new InteractionWeights(weight("view"), weight("click"), weight("add_to_cart"), weight("purchase"),
                eventWeights.getOrDefault("rating", 1.0).floatValue(), halfLife.toSeconds() / 86_400.0);
    }

    private float weight(String type) {
        return eventWeights.getOrDefault(type, 0.0).floatValue();
    }
}
