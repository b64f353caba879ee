package dev.aisle.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BehaviorEventTests {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    static BehaviorEvent event(EventType type, String productId, String query, BigDecimal value) {
        return new BehaviorEvent("e-1", type, "u-1", "s-1", productId, query, null, null, value, T, null);
    }

    @Test
    void readsTheArchitectureJsonContract() {
        BehaviorEvent e = json.readValue("""
                {"eventId":"e-1","type":"add_to_cart","userId":"u-1","sessionId":"s-1","productId":"p-1",
                 "query":null,"resultCount":null,"quantity":1,"value":89.99,"timestamp":"2026-01-01T10:00:00Z",
                 "properties":{"page":"pdp"}}""", BehaviorEvent.class);

        assertThat(e.type()).isEqualTo(EventType.ADD_TO_CART);
        assertThat(e.timestamp()).isEqualTo(T);
        assertThat(e.properties()).containsEntry("page", "pdp");
        assertThat(e.violations(NOW)).isEmpty();
        assertThat(json.readValue(json.writeValueAsString(e), BehaviorEvent.class)).isEqualTo(e);
    }

    @Test
    void failsJsonReadingForAnUnknownType() {
        assertThatExceptionOfType(JacksonException.class)
                .isThrownBy(() -> json.readValue("{\"eventId\":\"e\",\"type\":\"like\"}", BehaviorEvent.class))
                .withMessageContaining("add_to_cart");
    }

    @Test
    void acceptsAValidEventOfEveryType() {
        assertThat(event(EventType.VIEW, "p", null, null).violations(NOW)).isEmpty();
        assertThat(event(EventType.CLICK, "p", null, null).violations(NOW)).isEmpty();
        assertThat(event(EventType.SEARCH, null, "shoes", null).violations(NOW)).isEmpty();
        assertThat(event(EventType.ADD_TO_CART, "p", null, null).violations(NOW)).isEmpty();
        assertThat(event(EventType.REMOVE_FROM_CART, "p", null, null).violations(NOW)).isEmpty();
        assertThat(event(EventType.PURCHASE, "p", null, BigDecimal.ZERO).violations(NOW)).isEmpty();
        assertThat(event(EventType.RATING, "p", null, BigDecimal.TEN).violations(NOW)).isEmpty();
    }

    @Test
    void requiresAProductForEveryTypeButSearch() {
        assertThat(event(EventType.VIEW, null, null, null).violations(NOW))
                .containsExactly("productId: is required for view events");
        assertThat(event(EventType.PURCHASE, " ", null, BigDecimal.ONE).violations(NOW))
                .containsExactly("productId: is required for purchase events");
    }

    @Test
    void requiresAQueryForSearches() {
        assertThat(event(EventType.SEARCH, null, "", null).violations(NOW))
                .containsExactly("query: is required for search events");
    }

    @Test
    void requiresANonNegativeValueForPurchases() {
        assertThat(event(EventType.PURCHASE, "p", null, null).violations(NOW))
                .containsExactly("value: is required for purchase events");
        assertThat(event(EventType.PURCHASE, "p", null, new BigDecimal("-0.01")).violations(NOW))
                .containsExactly("value: must be greater than or equal to 0 for purchase events");
    }

    @Test
    void requiresARatingBetweenZeroAndTen() {
        assertThat(event(EventType.RATING, "p", null, new BigDecimal("10.5")).violations(NOW))
                .containsExactly("value: must be between 0 and 10 for rating events");
        assertThat(event(EventType.RATING, "p", null, new BigDecimal("-1")).violations(NOW)).hasSize(1);
        assertThat(event(EventType.RATING, "p", null, null).violations(NOW)).hasSize(1);
    }

    @Test
    void requiresAUserOrASession() {
        BehaviorEvent anonymous = new BehaviorEvent("e", EventType.VIEW, null, "s", "p", null, null, null, null, T,
                null);
        BehaviorEvent nobody = new BehaviorEvent("e", EventType.VIEW, null, " ", "p", null, null, null, null, T,
                null);

        assertThat(anonymous.violations(NOW)).isEmpty();
        assertThat(nobody.violations(NOW)).containsExactly("userId: userId or sessionId is required");
    }

    @Test
    void rejectsTimestampsBefore2000OrMoreThanADayAhead() {
        BehaviorEvent old = new BehaviorEvent("e", EventType.VIEW, "u", null, "p", null, null, null, null,
                Instant.parse("1999-12-31T23:59:59Z"), null);
        BehaviorEvent skewed = new BehaviorEvent("e", EventType.VIEW, "u", null, "p", null, null, null, null,
                NOW.plusSeconds(86_400), null);
        BehaviorEvent future = new BehaviorEvent("e", EventType.VIEW, "u", null, "p", null, null, null, null,
                NOW.plusSeconds(86_401), null);

        assertThat(old.violations(NOW)).containsExactly("timestamp: must not be before 2000-01-01T00:00:00Z");
        assertThat(skewed.violations(NOW)).isEmpty();
        assertThat(future.violations(NOW)).containsExactly("timestamp: must not be more than one day in the future");
    }

    @Test
    void reportsEveryMissingRequiredField() {
        BehaviorEvent empty = new BehaviorEvent(null, null, null, null, null, null, -1, -2, null, null, null);

        assertThat(empty.violations(NOW)).containsExactly("eventId: must not be blank",
                "userId: userId or sessionId is required", "timestamp: must not be null",
                "quantity: must be greater than or equal to 0", "resultCount: must be greater than or equal to 0",
                "type: must be one of view, click, search, add_to_cart, remove_from_cart, purchase, rating");
        assertThat(empty.properties()).isEmpty();
    }

    @Test
    void keepsNullPropertyValues() {
        java.util.Map<String, Object> props = new java.util.HashMap<>();
        props.put("page", null);

        assertThat(new BehaviorEvent("e", EventType.VIEW, "u", null, "p", null, null, null, null, T, props)
                .properties()).containsEntry("page", null);
        assertThat(event(EventType.VIEW, "p", null, null).properties()).isEqualTo(Map.of());
    }
}
