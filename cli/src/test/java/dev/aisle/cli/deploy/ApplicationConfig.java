package dev.aisle.cli.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What an application's {@code application.yml} says about deployment: its port (and the variable that moves it),
 * the {@code AISLE_*} environment variables it reads, which of them have no default, and whether the actuator
 * probes are on. Applications built on service-support also read the database variables.
 */
record ApplicationConfig(
        String module,
        int port,
        String portVariable,
        Set<String> reads,
        Set<String> required,
        boolean probesEnabled,
        boolean usesDatabase,
        Set<String> profiles) {

    /** Variables service-support reads in every application that depends on it. */
    static final Set<String> SUPPORT_VARIABLES =
            Set.of("AISLE_DB_URL", "AISLE_DB_USER", "AISLE_DB_PASSWORD", "AISLE_HOME", "AISLE_EMBEDDED_DB_PORT");

    /** Database variables a container deployment must set (no embedded database in a container). */
    static final Set<String> DATABASE_VARIABLES = Set.of("AISLE_DB_URL", "AISLE_DB_USER", "AISLE_DB_PASSWORD");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(AISLE_[A-Z0-9_]+)(:?)");

    /** Reads {@code <root>/<module>/src/main/resources/application.yml}; {@code null} when it does not exist. */
    static ApplicationConfig read(Path root, String module) {
        Path file = root.resolve(module).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text;
        String pom;
        try {
            text = Files.readString(file);
            pom = Files.readString(root.resolve(module).resolve("pom.xml"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                documents.add(flatten(map));
            }
        }
        Map<String, Object> main = documents.isEmpty() ? Map.of() : documents.get(0);
        boolean usesDatabase = pom.contains("<artifactId>service-support</artifactId>");
        Set<String> reads = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            reads.add(m.group(1));
        }
        for (Object value : main.values()) {
            Matcher inMain = PLACEHOLDER.matcher(String.valueOf(value));
            while (inMain.find()) {
                if (inMain.group(2).isEmpty()) {
                    required.add(inMain.group(1));
                }
            }
        }
        if (usesDatabase) {
            reads.addAll(SUPPORT_VARIABLES);
        }
        Object port = main.get("server.port");
        String portVariable = null;
        int portNumber;
        Matcher portPlaceholder = Pattern.compile("\\$\\{([A-Z0-9_]+):(\\d+)}").matcher(String.valueOf(port));
        if (portPlaceholder.matches()) {
            portVariable = portPlaceholder.group(1);
            portNumber = Integer.parseInt(portPlaceholder.group(2));
        } else if (port != null) {
            portNumber = Integer.parseInt(String.valueOf(port));
        } else {
            portNumber = 8080;
        }
        Object probes = main.get("management.endpoint.health.probes.enabled");
        // service-support turns the probes on for the applications built on it
        boolean probesEnabled = usesDatabase || Boolean.parseBoolean(String.valueOf(probes));
        Set<String> profiles = new LinkedHashSet<>();
        for (Map<String, Object> document : documents) {
            Object profile = document.get("spring.config.activate.on-profile");
            if (profile != null) {
                profiles.add(String.valueOf(profile));
            }
        }
        return new ApplicationConfig(module, portNumber, portVariable, reads, required, probesEnabled, usesDatabase,
                profiles);
    }

    /** Flattens nested maps into dotted keys ({@code server.port}). */
    static Map<String, Object> flatten(Map<?, ?> map) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", map, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, flat);
            } else {
                flat.put(key, entry.getValue());
            }
        }
    }
}
