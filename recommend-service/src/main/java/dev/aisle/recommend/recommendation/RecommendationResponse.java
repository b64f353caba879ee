package dev.aisle.recommend.recommendation;

import java.util.List;

/**
 * Recommendations and how they were made.
 *
 * @param userId the user asked for, null for item, popular and session requests
 * @param algorithm what produced the list ({@code als}, {@code item-knn}, {@code trending}, {@code popular} …)
 * @param modelVersion the model version used, null when no trained model was involved
 * @param unknownItems request item ids not in the catalogue (session requests), otherwise empty
 */
public record RecommendationResponse(String userId, String algorithm, Long modelVersion,
        List<RecommendedItem> items, List<String> unknownItems) {
}
