package dev.aisle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulationWriterTests {

    static final SimulationParameters SMALL = SimulationParameters.defaults().withProducts(200).withUsers(40)
            .withDays(10).withSeed(3);

    @Test
    void writesProductsAsAJsonArrayAndEventsOnePerLine(@TempDir Path folder) throws IOException {
        List<Long> progress = new ArrayList<>();
        SimulationWriter.Summary summary = new SimulationWriter().write(new ShopSimulator(SMALL), folder,
                progress::add);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode products = mapper.readTree(summary.productsFile().toFile());
        assertThat(products.isArray()).isTrue();
        assertThat(products.size()).isEqualTo(200).isEqualTo((int) summary.products());
        JsonNode first = products.get(0);
        assertThat(first.path("id").asString()).isEqualTo("p-00001");
        assertThat(first.path("categoryPath").size()).isEqualTo(3);
        assertThat(first.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        List<String> lines = Files.readAllLines(summary.eventsFile(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) summary.events());
        assertThat(progress).last().isEqualTo(summary.events());
        JsonNode event = mapper.readTree(lines.get(0));
        assertThat(event.path("eventId").asString()).startsWith("e-3-");
        assertThat(event.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(event.path("type").asString()).isIn("view", "search", "click", "rating");
    }

    @Test
    void writesTheSameBytesForTheSameSeed(@TempDir Path folder) throws IOException {
        SimulationWriter writer = new SimulationWriter();
        writer.write(new ShopSimulator(SMALL), folder.resolve("a"), n -> { });
        writer.write(new ShopSimulator(SMALL), folder.resolve("b"), n -> { });
        for (String name : List.of(SimulationWriter.PRODUCTS_FILE, SimulationWriter.EVENTS_FILE)) {
            assertThat(Files.mismatch(folder.resolve("a").resolve(name), folder.resolve("b").resolve(name)))
                    .as(name).isEqualTo(-1L);
        }
    }
}
