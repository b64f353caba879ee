package dev.aisle.behavior.prediction.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one training run did.
 *
 * @param startedAt when it started
 * @param seconds how long it took
 * @param sessions sessions read
 * @param nextItem the next-item outcome
 * @param purchase the purchase-intent outcome
 */
public record TrainingOutcome(Instant startedAt, double seconds, int sessions, KindOutcome nextItem,
        KindOutcome purchase) {

    /**
     * The outcome for one model kind.
     *
     * @param trained whether a new version was stored
     * @param reason why nothing was trained, or null
     * @param model name of the best candidate
     * @param version its stored version
     * @param validationScore its validation score (MRR@k or AUC)
     * @param servingScore the score of the version that served before, or null
     * @param swapped whether it now serves
     * @param candidates every candidate with its validation metrics
     */
    public record KindOutcome(boolean trained, String reason, String model, Integer version, Double validationScore,
            Double servingScore, boolean swapped, List<Candidate> candidates) {

        static KindOutcome skipped(String reason, List<Candidate> candidates) {
            return new KindOutcome(false, reason, null, null, null, null, false, candidates);
        }
    }

    /**
     * One fitted candidate.
     *
     * @param model its name
     * @param validation its validation metrics (empty when it failed)
     * @param trainSeconds fitting time on the training part
     * @param error why fitting failed, or null
     */
    public record Candidate(String model, Map<String, Object> validation, double trainSeconds, String error) {
    }
}
