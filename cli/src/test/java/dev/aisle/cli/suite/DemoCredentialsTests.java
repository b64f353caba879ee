package dev.aisle.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsTests {

    @Test
    void generatesOnceAndKeepsTheSameCredentials(@TempDir Path home) {
        DemoCredentials first = DemoCredentials.resolve(Map.of(), home);
        DemoCredentials second = DemoCredentials.resolve(Map.of(), home);
        assertThat(first.apiKey()).startsWith("demo-").hasSizeGreaterThan(20);
        assertThat(first.adminPassword()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(second).isEqualTo(first);
        assertThat(home.resolve(DemoCredentials.FILE)).isRegularFile();
    }

    @Test
    void environmentVariablesWin(@TempDir Path home) {
        DemoCredentials generated = DemoCredentials.resolve(Map.of(), home);
        DemoCredentials given = DemoCredentials.resolve(
                Map.of("AISLE_DEMO_API_KEY", "key-1", "AISLE_ADMIN_PASSWORD", "secret"), home);
        assertThat(given).isEqualTo(new DemoCredentials("key-1", "secret"));
        assertThat(DemoCredentials.resolve(Map.of(), home)).isEqualTo(generated);
    }
}
