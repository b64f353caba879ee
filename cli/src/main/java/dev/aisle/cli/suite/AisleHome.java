package dev.aisle.cli.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CLI keeps its state: {@code AISLE_HOME}, or {@code ~/.aisle}. */
public final class AisleHome {

    private AisleHome() {}

    /** The home folder (not necessarily existing yet). */
    public static Path path() {
        String home = System.getenv("AISLE_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".aisle");
    }

    /**
     * The repository root: {@code -Daisle.root} (set by {@code ./aisle}), else two folders above the CLI jar
     * ({@code cli/target/aisle-cli.jar}), else the working directory.
     */
    public static Path repositoryRoot() {
        String root = System.getProperty("aisle.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath();
        }
        try {
            Path jar = Path.of(AisleHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            if (candidate != null && candidate.getParent() != null
                    && Files.isRegularFile(candidate.getParent().resolve("pom.xml"))) {
                return candidate.getParent();
            }
        } catch (Exception ex) {
            // not started from a file: fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
