package dev.aisle.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.cli.AisleCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTests {

    @Test
    void writesProductsAndEventsForTheGivenSize(@TempDir Path out) throws IOException {
        int exit = AisleCli.commandLine().execute("simulate", "--out", out.toString(), "--seed", "5", "--products",
                "300", "--users", "50", "--days", "7");
        assertThat(exit).isZero();
        assertThat(Files.readString(out.resolve("products.json"))).startsWith("[{\"id\":\"p-00001\"");
        try (var lines = Files.lines(out.resolve("events.ndjson"))) {
            assertThat(lines.count()).isGreaterThan(100);
        }
    }

    @Test
    void rejectsANonsensicalSize(@TempDir Path out) {
        assertThat(AisleCli.commandLine().execute("simulate", "--out", out.toString(), "--users", "0"))
                .isNotZero();
    }
}
