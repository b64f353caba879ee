package dev.aisle.support.db;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Chooses the database of a service before the context starts.
 *
 * <ol>
 *   <li>{@code spring.datasource.url} set explicitly: used as is.
 *   <li>{@code AISLE_DB_URL} (+ {@code AISLE_DB_USER}, {@code AISLE_DB_PASSWORD}): that external PostgreSQL.
 *   <li>Under tests (Spring's test framework on the class path, or {@code aisle.db.embedded.temporary=true}):
 *       {@code AISLE_TEST_DB_URL} when set, else a fresh temporary embedded PostgreSQL shared by the test JVM.
 *   <li>Otherwise the persistent embedded PostgreSQL on port {@code AISLE_EMBEDDED_DB_PORT} (default 54320) with
 *       data in {@code AISLE_HOME/pg} (default {@code ~/.aisle/pg}).
 * </ol>
 *
 * It also adds low-precedence defaults every service shares (problem details, probes, Prometheus, the request id
 * in the log pattern); a service's own {@code application.yml} overrides them.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Default port of the persistent embedded PostgreSQL. */
    public static final int DEFAULT_EMBEDDED_PORT = 54320;

    private static final String TEST_MARKER = "org.springframework.test.context.TestContext";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        env.getPropertySources().addLast(new MapPropertySource("aisleServiceDefaults", serviceDefaults()));
        if (!ClassUtils.isPresent("org.postgresql.Driver", getClass().getClassLoader())
                || StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        Map<String, Object> db = new HashMap<>();
        String external = env.getProperty("AISLE_DB_URL");
        boolean testing = env.getProperty(
                "aisle.db.embedded.temporary",
                Boolean.class,
                ClassUtils.isPresent(TEST_MARKER, getClass().getClassLoader()));
        if (StringUtils.hasText(external)) {
            db.put("spring.datasource.url", external);
            db.put("spring.datasource.username", env.getProperty("AISLE_DB_USER", "postgres"));
            db.put("spring.datasource.password", env.getProperty("AISLE_DB_PASSWORD", ""));
        } else if (testing) {
            String testUrl = env.getProperty("AISLE_TEST_DB_URL");
            db.put("spring.datasource.url",
                    StringUtils.hasText(testUrl) ? testUrl : EmbeddedPostgresLauncher.temporary());
            db.put("spring.datasource.username", env.getProperty("AISLE_TEST_DB_USER", "postgres"));
            db.put("spring.datasource.password", env.getProperty("AISLE_TEST_DB_PASSWORD", ""));
        } else {
            int port = env.getProperty("AISLE_EMBEDDED_DB_PORT", Integer.class, DEFAULT_EMBEDDED_PORT);
            Path dir = aisleHome(env).resolve("pg");
            db.put("spring.datasource.url", EmbeddedPostgresLauncher.persistent(port, dir));
            db.put("spring.datasource.username", "postgres");
            db.put("spring.datasource.password", "");
        }
        env.getPropertySources().addFirst(new MapPropertySource("aisleDatabase", db));
    }

    /** The Aisle home directory: {@code AISLE_HOME} or {@code ~/.aisle}. */
    public static Path aisleHome(ConfigurableEnvironment env) {
        String home = env.getProperty("AISLE_HOME");
        return StringUtils.hasText(home) ? Path.of(home) : Path.of(System.getProperty("user.home"), ".aisle");
    }

    private static Map<String, Object> serviceDefaults() {
        Map<String, Object> d = new HashMap<>();
        d.put("spring.mvc.problemdetails.enabled", "true");
        d.put("spring.jpa.open-in-view", "false");
        d.put("spring.jpa.hibernate.ddl-auto", "validate");
        d.put("spring.datasource.hikari.maximum-pool-size", "10");
        d.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        d.put("spring.flyway.create-schemas", "true");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.endpoint.health.show-details", "always");
        d.put("management.metrics.tags.application", "${spring.application.name:aisle}");
        d.put("logging.pattern.level", "%5p [%X{requestId:-}]");
        d.put("server.shutdown", "graceful");
        d.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        return d;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
