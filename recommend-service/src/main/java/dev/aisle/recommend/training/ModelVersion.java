package dev.aisle.recommend.training;

import java.time.Instant;
import java.util.Map;

/**
 * Metadata of one trained model version as stored in {@code recommend.model_versions}.
 *
 * @param status {@code accepted} (validated not worse than the model it replaced; served until a newer accepted one)
 *     or {@code rejected}
 */
public record ModelVersion(long id, String algorithm, String status, Instant createdAt, double trainSeconds,
        int users, int items, int interactions, long lastEventId, Double validationNdcg, Double validationHitRate,
        int validationUsers, Map<String, Object> params) {
}
