package dev.aisle.common.dataset;

/**
 * A human relevance judgment of a product for a search query.
 *
 * @param query       the search text
 * @param productId   the product id (for CrowdFlower, a stable hash of title and description)
 * @param title       the product title
 * @param description the product description, null when the source has none
 * @param grade       the relevance grade (Home Depot 1–3, CrowdFlower 1–4)
 */
public record RelevanceJudgment(String query, String productId, String title, String description, double grade) {
}
