package dev.aisle.behavior.prediction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A purchase-probability question: the id of a session the service knows, or the session's events inline.
 *
 * @param sessionId a session id whose events are read from {@code behavior.events}
 * @param events the session's events (at most 200), in time order when they carry no timestamps
 */
record PurchaseProbabilityRequest(@Size(min = 1, max = 200) String sessionId,
        @Size(max = 200) List<@Valid @NotNull Event> events) {

    /**
     * One inline event.
     *
     * @param type event type ({@code view}, {@code add_to_cart} …)
     * @param productId the product, optional
     * @param timestamp when it happened, optional (dwell times need it)
     * @param value money value (price), optional, at least 0
     */
    record Event(@NotBlank @Size(max = 40) String type, @Size(max = 200) String productId, Instant timestamp,
            @PositiveOrZero Double value) {
    }
}
