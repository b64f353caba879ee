package dev.aisle.recommend.recommendation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Recommendations for an anonymous session.
 *
 * @param itemIds recently viewed item ids, most recent last (1–100)
 * @param n number of recommendations (1–100, default 10)
 */
public record SessionRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull String> itemIds,
        @Min(1) @Max(100) Integer n) {

    int size() {
        return n == null ? 10 : n;
    }
}
