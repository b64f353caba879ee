package dev.aisle.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's decisions that need no running suite. */
class SuiteLauncherTests {

    @Test
    void findsTheBootJarsOfEachModule(@TempDir Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("search-service/target"));
        Files.createFile(target.resolve("search-service-0.1.0-SNAPSHOT.jar"));
        Files.createFile(target.resolve("search-service-0.1.0-SNAPSHOT-exec.jar"));
        SuiteLauncher launcher = new SuiteLauncher(root, root.resolve("home"), new DemoCredentials("k", "p"),
                Duration.ofSeconds(1), new PrintStream(new ByteArrayOutputStream()));
        assertThat(SuiteApp.SEARCH.jar(root)).isEqualTo(target.resolve("search-service-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(launcher.missingJars()).containsExactly(SuiteApp.GATEWAY, SuiteApp.RECOMMEND, SuiteApp.BEHAVIOR);
    }

    @Test
    void givesEveryApplicationTheDatabasePeersAndDemoCredentials(@TempDir Path root) {
        SuiteLauncher launcher = new SuiteLauncher(root, root.resolve("home"), new DemoCredentials("key", "pw"),
                Duration.ofSeconds(1), new PrintStream(new ByteArrayOutputStream()));
        assertThat(launcher.environment())
                .containsEntry("AISLE_RECOMMEND_URL", "http://localhost:8081")
                .containsEntry("AISLE_SEARCH_URL", "http://localhost:8082")
                .containsEntry("AISLE_BEHAVIOR_URL", "http://localhost:8083")
                .containsEntry("AISLE_GATEWAY_PORT", "8080")
                .containsEntry("AISLE_DEMO_API_KEY", "key")
                .containsEntry("AISLE_ADMIN_PASSWORD", "pw")
                .containsEntry("AISLE_HOME", root.resolve("home").toString())
                .containsKeys("AISLE_DB_URL", "AISLE_DB_USER", "AISLE_DB_PASSWORD");
    }

    @Test
    void startsSchemaOwnersBeforeTheirReaders() {
        assertThat(SuiteApp.WAVES.get(0)).containsExactlyInAnyOrder(SuiteApp.SEARCH, SuiteApp.BEHAVIOR);
        assertThat(SuiteApp.WAVES.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(SuiteApp.ALL);
    }

    @Test
    void benchTableSumsMemoryAndTakesTheSlowestStart() {
        String table = SuiteBenchCommand.table(List.of(
                new SuiteBenchCommand.Row("search-service", 11, Duration.ofMillis(20_500), 400 * 1024),
                new SuiteBenchCommand.Row("gateway", 12, Duration.ofMillis(31_000), 200 * 1024)),
                Duration.ofSeconds(3), true, 100 * 1024);
        assertThat(table).contains("search-service").contains("20.5").contains("postgresql");
        assertThat(table.lines().filter(l -> l.startsWith("all")).findFirst().orElseThrow())
                .contains("31.0").contains("700");
    }
}
