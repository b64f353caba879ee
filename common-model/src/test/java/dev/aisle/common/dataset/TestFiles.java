package dev.aisle.common.dataset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Test fixtures: bundled sample files, temporary files and the shared datasets (skipped when absent). */
final class TestFiles {

    private TestFiles() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/dataset/" + name).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /**
     * A folder of the shared datasets: {@code $AISLE_DATASETS/<name>}, or {@code shared/datasets/<name>} next to
     * the repository; skips the test when missing.
     */
    static Path sharedDataset(String name) {
        String env = System.getenv("AISLE_DATASETS");
        Path[] candidates = { env == null ? null : Path.of(env), Path.of("../shared/datasets"),
                Path.of("../../shared/datasets") };
        for (Path base : candidates) {
            if (base != null && Files.isDirectory(base.resolve(name))) {
                return base.resolve(name);
            }
        }
        Assumptions.abort("dataset " + name + " not found under $AISLE_DATASETS or ../shared/datasets: skipped");
        return null;
    }
}
