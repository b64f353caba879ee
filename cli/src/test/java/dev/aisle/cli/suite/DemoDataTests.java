package dev.aisle.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DemoDataTests {

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsTheCatalogueSizeFromAPage() {
        assertThat(DemoData.total(mapper, "{\"items\":[],\"page\":0,\"size\":1,\"total\":0}")).hasValue(0);
        assertThat(DemoData.total(mapper, "{\"items\":[{}],\"page\":0,\"size\":1,\"total\":5000}")).hasValue(5000);
        assertThat(DemoData.total(mapper, "{\"content\":[{}]}")).hasValue(1);
        assertThat(DemoData.total(mapper, "[]")).hasValue(0);
        assertThat(DemoData.total(mapper, "<html>")).isEmpty();
    }
}
