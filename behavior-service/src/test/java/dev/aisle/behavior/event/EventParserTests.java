package dev.aisle.behavior.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aisle.support.error.BadRequestException;
import dev.aisle.support.error.PayloadTooLargeException;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class EventParserTests {

    private final EventParser parser = new EventParser(
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build(),
            new EventRules(Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC),
                    Validation.buildDefaultValidatorFactory().getValidator()),
            3);

    private EventParser.Parsed parse(String body, boolean ndjson) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), ndjson);
    }

    @Test
    void readsAPurchaseWithExactMoney() {
        EventParser.Parsed parsed = parse("""
                {"eventId":"e","type":"PURCHASE","userId":"u","productId":"p","value":89.99,"quantity":1,
                 "timestamp":"2026-01-01T10:00:00Z","properties":{"orderId":"o-1"}}""", false);

        EventRow row = parsed.rows().get(0).row();
        assertThat(row.type()).isEqualTo("purchase");
        assertThat(row.value()).isEqualByComparingTo("89.99");
        assertThat(row.value().toPlainString()).isEqualTo("89.99");
        assertThat(row.properties()).isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void reportsEveryProblemOfAnEventAsFieldMessages() {
        EventParser.Parsed parsed = parse("""
                [{"eventId":"e","type":"view","userId":7,"timestamp":"yesterday","colour":"red"},
                 {"eventId":"f","type":"view","userId":"u","productId":"p","timestamp":"2026-03-01T00:00:00Z"}]""",
                false);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors().get(0).errors()).containsExactlyInAnyOrder("colour: unknown field",
                "userId: must be a string", "timestamp: must be an ISO-8601 instant such as 2026-01-01T10:00:00Z");
        assertThat(parsed.errors().get(1).errors()).containsExactly(
                "timestamp: must not be more than one day in the future");
    }

    @Test
    void rejectsBodiesThatAreNotEventsAsBadRequests() {
        assertThatThrownBy(() -> parse("42", false)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> parse("[]", false)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> parse("nope\nnada\n", true)).isInstanceOf(BadRequestException.class);
    }

    @Test
    void refusesMoreEventsThanTheLimit() {
        assertThatThrownBy(() -> parse("[{},{},{},{}]", false)).isInstanceOf(PayloadTooLargeException.class);
    }
}
