package dev.aisle.recommend.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import dev.aisle.common.interaction.InteractionWeights;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recommend-service turns behaviour events into interactions and trains its models.
 *
 * @param algorithm personalised algorithm trained and validated when {@code candidates} is empty: {@code als},
 *     {@code item-knn} or {@code two-tower} (default als)
 * @param candidates personalised algorithms trained and validated at every training run; the best on the held-back
 *     slice is the challenger of the served model (default {@code [als]}; add {@code two-tower} to train the neural
 *     model too: it is opt-in because it trains for minutes, not seconds, on the demo shop)
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
 * @param foldInWindow how long an event id skipped by a poll is looked for again: an event whose transaction commits
 *     after a higher id was read still arrives if it commits within this window (default 60 s)
 * @param twoTower hyperparameters of the two-tower candidate
 */
@Validated
@ConfigurationProperties("aisle.recommend.training")
public record TrainingProperties(
        @DefaultValue("als") @Pattern(regexp = "als|item-knn|two-tower") String algorithm,
        List<@Pattern(regexp = "als|item-knn|two-tower") String> candidates,
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
        @DefaultValue("PT2S") @NotNull Duration foldInInterval,
        @DefaultValue("PT60S") @NotNull Duration foldInWindow,
        @DefaultValue @NotNull @Valid TwoTowerProperties twoTower) {

    /**
     * Hyperparameters of the two-tower candidate (see {@code TwoTower.Config}).
     *
     * @param factors embedding dimensions (default 64)
     * @param epochs passes over the interactions (default 20)
     * @param batchSize pairs per Adam step (default 1024)
     * @param learningRate Adam step size (default 0.01)
     * @param regularization L2 on the batch's user and item vectors (default 0.03)
     * @param negatives candidate items per step, all items when the catalogue is at most this large (default 4096)
     * @param historyItems history items sampled per pair for the user tower (default 32)
     * @param textFeatures whether the item tower uses the catalogue's title, brand and category (default true)
     * @param device {@code cpu} or {@code gpu}; gpu is used only when the engine sees one (default cpu)
     * @param validationUsers users lending one item each to the early-stopping slice, 0 = no early stopping
     *     (default 0)
     * @param patience epochs without improvement on that slice before training stops (default 3)
     */
    public record TwoTowerProperties(
            @DefaultValue("64") @Positive int factors,
            @DefaultValue("20") @Positive int epochs,
            @DefaultValue("1024") @Positive int batchSize,
            @DefaultValue("0.01") @Positive double learningRate,
            @DefaultValue("0.03") @PositiveOrZero double regularization,
            @DefaultValue("4096") @Positive int negatives,
            @DefaultValue("32") @Positive int historyItems,
            @DefaultValue("true") boolean textFeatures,
            @DefaultValue("cpu") @Pattern(regexp = "cpu|gpu") String device,
            @DefaultValue("0") @PositiveOrZero int validationUsers,
            @DefaultValue("3") @Positive int patience) {
    }

    public TrainingProperties {
        candidates = candidates == null || candidates.isEmpty() ? List.of(algorithm) : List.copyOf(candidates);
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
