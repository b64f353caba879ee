package dev.aisle.cli.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One application of the suite: its module, port and the environment variable that overrides the port.
 *
 * @param module the Maven module (also the application name in logs)
 * @param port the default HTTP port
 * @param portVariable environment variable that moves the port
 * @param urlVariable environment variable other applications use to reach it, or {@code null} for the gateway
 */
public record SuiteApp(String module, int port, String portVariable, String urlVariable) {

    public static final SuiteApp GATEWAY = new SuiteApp("gateway", 8080, "AISLE_GATEWAY_PORT", null);

    public static final SuiteApp RECOMMEND =
            new SuiteApp("recommend-service", 8081, "AISLE_RECOMMEND_PORT", "AISLE_RECOMMEND_URL");

    public static final SuiteApp SEARCH = new SuiteApp("search-service", 8082, "AISLE_SEARCH_PORT", "AISLE_SEARCH_URL");

    public static final SuiteApp BEHAVIOR =
            new SuiteApp("behavior-service", 8083, "AISLE_BEHAVIOR_PORT", "AISLE_BEHAVIOR_URL");

    /**
     * Start order in waves: the schema owners (search: catalog, behavior: events) first, then their readers and
     * the gateway.
     */
    public static final List<List<SuiteApp>> WAVES = List.of(List.of(SEARCH, BEHAVIOR), List.of(RECOMMEND, GATEWAY));

    /** All four, gateway first. */
    public static final List<SuiteApp> ALL = List.of(GATEWAY, RECOMMEND, SEARCH, BEHAVIOR);

    /** Local base URL. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The Boot jar {@code <module>/target/<module>-<version>-exec.jar} under the repository root, if built. */
    public Path jar(Path root) {
        Path target = root.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith("-exec.jar");
            }).sorted().findFirst().orElse(null);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
