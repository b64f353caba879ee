package dev.aisle.common.interaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.event.EventType;

/**
 * How much each event type counts as implicit feedback, and how fast it fades.
 *
 * <p>The weight of an event is {@code w(type) × decay(age)}: {@code w} is {@link #view}, {@link #click},
 * {@link #addToCart} or {@link #purchase}; a rating weighs {@code value × ratingMultiplier}; searches and cart
 * removals weigh 0. The decay is exponential with half-life {@link #halfLifeDays}:
 * {@code decay = 0.5^(ageDays / halfLifeDays)}.
 *
 * @param view             weight of a product view (default 1)
 * @param click            weight of a click in a list (default 2)
 * @param addToCart        weight of an add-to-cart (default 3)
 * @param purchase         weight of a purchase (default 5)
 * @param ratingMultiplier a rating weighs {@code value × ratingMultiplier} (default 1)
 * @param halfLifeDays     age in days at which a weight halves; zero or negative disables decay (default 30)
 */
public record InteractionWeights(float view, float click, float addToCart, float purchase, float ratingMultiplier,
        double halfLifeDays) {

    /** Defaults: view 1, click 2, add-to-cart 3, purchase 5, rating × 1, half-life 30 days. */
    public static final InteractionWeights DEFAULTS = new InteractionWeights(1f, 2f, 3f, 5f, 1f, 30.0);

    private static final double SECONDS_PER_DAY = 86_400.0;

    /**
     * The undecayed weight of an event of this type.
     *
     * @param type  the event type
     * @param value the rating for {@link EventType#RATING} (ignored otherwise; NaN weighs 0)
     */
    public float weightOf(EventType type, double value) {
        return switch (type) {
            case VIEW -> view;
            case CLICK -> click;
            case ADD_TO_CART -> addToCart;
            case PURCHASE -> purchase;
            case RATING -> Double.isNaN(value) ? 0f : (float) (value * ratingMultiplier);
            case SEARCH, REMOVE_FROM_CART -> 0f;
        };
    }

    /** The undecayed weight of an event of this type; a null rating value weighs 0. */
    public float weightOf(EventType type, BigDecimal value) {
        return weightOf(type, value == null ? Double.NaN : value.doubleValue());
    }

    /** The weight of an event at time {@code now}: {@code weightOf(type, value) × decay(timestamp, now)}. */
    public float weightOf(BehaviorEvent event, Instant now) {
        return weightOf(event.type(), event.value()) * decay(event.timestamp(), now);
    }

    /**
     * Exponential time decay {@code 0.5^(ageDays / halfLifeDays)} with {@code ageDays = (now − eventTime)} in
     * days; 1 when decay is disabled ({@code halfLifeDays ≤ 0}), when either time is null, or for events in the
     * future (negative age counts as 0).
     */
    public float decay(Instant eventTime, Instant now) {
        if (halfLifeDays <= 0 || eventTime == null || now == null) {
            return 1f;
        }
        double ageDays = Duration.between(eventTime, now).toMillis() / 1000.0 / SECONDS_PER_DAY;
        if (ageDays <= 0) {
            return 1f;
        }
        return (float) Math.pow(0.5, ageDays / halfLifeDays);
    }
}
