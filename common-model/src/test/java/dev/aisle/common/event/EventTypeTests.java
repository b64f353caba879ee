package dev.aisle.common.event;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventTypeTests {

    @Test
    void usesLowerCaseWireNames() {
        assertThat(EventType.ADD_TO_CART.wireName()).isEqualTo("add_to_cart");
        assertThat(JsonMapper.builder().build().writeValueAsString(EventType.REMOVE_FROM_CART))
                .isEqualTo("\"remove_from_cart\"");
    }

    @Test
    void parsesWireNamesIgnoringCase() {
        assertThat(EventType.fromWire("purchase")).isEqualTo(EventType.PURCHASE);
        assertThat(EventType.fromWire(" Add_To_Cart ")).isEqualTo(EventType.ADD_TO_CART);
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWire(type.wireName())).isEqualTo(type);
        }
    }

    @Test
    void listsTheAllowedValuesForAnUnknownName() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.fromWire("like"))
                .withMessageContaining("'like'")
                .withMessageContaining("view, click, search, add_to_cart, remove_from_cart, purchase, rating");
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.fromWire(null));
    }
}
