package dev.aisle.behavior.prediction.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Training and serving of the session prediction models.
 *
 * @param nextItemModels next-item candidates fitted at each training, best validation MRR@k served (default
 *     {@code sknn, item-knn, spop, pop}; also {@code lstm}, {@code gru}, {@code blend})
 * @param purchaseModels purchase-intent candidates, best validation AUC served (default {@code logistic, lstm})
 * @param trainingWindow only events this long before the latest event are read for training (default 90 days)
 * @param maxSessions at most this many most recent sessions are trained on (default 200,000)
 * @param validationShare share of the latest sessions (by start time) held out for validation (default 0.2)
 * @param maxValidationCases at most this many (prefix, next item) validation cases are scored (default 20,000)
 * @param k cut-off of the validation HR@k and MRR@k (default 20)
 * @param sknnNeighbours V-SKNN neighbours that vote (default 100)
 * @param sknnSampleSize V-SKNN most recent candidate sessions (default 1,000)
 * @param rulesSteps sequential rules look-ahead (default 10)
 * @param recurrentEpochs most epochs of the recurrent next-item models (default 5)
 * @param recurrentDropout dropout on the recurrent models' inputs and readout (default 0.5, see
 *     {@code RecurrentConfig#dropout})
 * @param recurrentReadout {@code mean} (last state plus the session's mean item embedding) or {@code last}
 *     (default {@code mean}, see {@code RecurrentConfig#readout})
 * @param purchaseLstmEpochs epochs of the LSTM purchase classifier (default 8)
 * @param seed seed of every random source in training (default 42)
 * @param fallbackWindow popularity fallback counts events this long before the latest event (default 7 days)
 * @param scheduled whether training also runs on a schedule (default true)
 * @param trainingInterval time between the end of one scheduled training and the next (default 6 hours)
 * @param trainingInitialDelay time from start-up to the first scheduled training (default 10 minutes)
 */
@Validated
@ConfigurationProperties("aisle.prediction")
public record PredictionProperties(List<String> nextItemModels, List<String> purchaseModels,
        Duration trainingWindow, @Min(0) int maxSessions, @DecimalMin("0.0") @DecimalMax("0.9") double validationShare,
        @Min(0) int maxValidationCases, @Min(0) @Max(1000) int k, @Min(0) int sknnNeighbours,
        @Min(0) int sknnSampleSize, @Min(0) int rulesSteps, @Min(0) int recurrentEpochs,
        @DecimalMin("0.0") @DecimalMax("0.9") Double recurrentDropout,
        @Pattern(regexp = "mean|last") String recurrentReadout,
        @Min(0) int purchaseLstmEpochs, Long seed, Duration fallbackWindow, Boolean scheduled,
        Duration trainingInterval, Duration trainingInitialDelay) {

    public PredictionProperties {
        nextItemModels = nextItemModels == null || nextItemModels.isEmpty()
                ? List.of("sknn", "item-knn", "spop", "pop") : List.copyOf(nextItemModels);
        purchaseModels = purchaseModels == null || purchaseModels.isEmpty()
                ? List.of("logistic", "lstm") : List.copyOf(purchaseModels);
        trainingWindow = trainingWindow == null ? Duration.ofDays(90) : trainingWindow;
        maxSessions = maxSessions == 0 ? 200_000 : maxSessions;
        validationShare = validationShare == 0 ? 0.2 : validationShare;
        maxValidationCases = maxValidationCases == 0 ? 20_000 : maxValidationCases;
        k = k == 0 ? 20 : k;
        sknnNeighbours = sknnNeighbours == 0 ? 100 : sknnNeighbours;
        sknnSampleSize = sknnSampleSize == 0 ? 1000 : Math.max(sknnSampleSize, sknnNeighbours);
        rulesSteps = rulesSteps == 0 ? 10 : rulesSteps;
        recurrentEpochs = recurrentEpochs == 0 ? 5 : recurrentEpochs;
        recurrentDropout = recurrentDropout == null ? 0.5 : recurrentDropout;
        recurrentReadout = recurrentReadout == null ? "mean" : recurrentReadout;
        purchaseLstmEpochs = purchaseLstmEpochs == 0 ? 8 : purchaseLstmEpochs;
        seed = seed == null ? 42L : seed;
        fallbackWindow = fallbackWindow == null ? Duration.ofDays(7) : fallbackWindow;
        scheduled = scheduled == null ? Boolean.TRUE : scheduled;
        trainingInterval = trainingInterval == null ? Duration.ofHours(6) : trainingInterval;
        trainingInitialDelay = trainingInitialDelay == null ? Duration.ofMinutes(10) : trainingInitialDelay;
    }
}
