package dev.aisle.behavior.prediction.training;

import java.time.Instant;
import java.util.Map;

/**
 * One stored model version (without its artifact).
 *
 * @param id row id
 * @param kind {@code next_item} or {@code purchase}
 * @param model model name ({@code sknn}, {@code logistic} …)
 * @param version version within its kind, from 1
 * @param createdAt when it was stored
 * @param validation its validation metrics
 * @param validationScore the score the swap rule compares (MRR@k for next items, AUC for purchase)
 * @param artifactBytes size of the serialised model
 * @param serving whether it is the serving version of its kind
 */
public record ModelVersion(long id, String kind, String model, int version, Instant createdAt,
        Map<String, Object> validation, double validationScore, long artifactBytes, boolean serving) {
}
