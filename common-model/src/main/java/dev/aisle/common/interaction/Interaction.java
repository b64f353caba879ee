package dev.aisle.common.interaction;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;

/**
 * A weighted user–item interaction, the input of collaborative filtering.
 *
 * @param userId the user
 * @param itemId the item (product id)
 * @param weight the strength of the signal (see {@link InteractionWeights}); ratings carry the rating
 * @param time   when it happened, optional
 */
public record Interaction(@NotBlank String userId, @NotBlank String itemId, float weight, Instant time) {
}
