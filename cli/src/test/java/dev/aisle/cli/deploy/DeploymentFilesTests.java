package dev.aisle.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Parses {@code docker-compose.yml}, {@code k8s/*.yaml} and the Dockerfiles and checks them against each
 * application's {@code application.yml}: every service is there, on the application's port, with the actuator
 * probe paths, and with exactly the environment variables the application reads (the database and peer URLs it
 * needs, nothing it would ignore), each URL pointing at the right peer. Applications whose configuration does not
 * exist yet are skipped with a message.
 */
class DeploymentFilesTests {

    /** Module → the variable other applications reach it by. */
    static final Map<String, String> MODULES = Map.of(
            "gateway", "",
            "recommend-service", "AISLE_RECOMMEND_URL",
            "search-service", "AISLE_SEARCH_URL",
            "behavior-service", "AISLE_BEHAVIOR_URL");

    static final String LIVENESS = "/actuator/health/liveness";

    static final String READINESS = "/actuator/health/readiness";

    static Path root;

    static Map<String, ApplicationConfig> apps = new LinkedHashMap<>();

    @BeforeAll
    static void readApplications() {
        root = Path.of("").toAbsolutePath().getParent();
        for (String module : MODULES.keySet().stream().sorted().toList()) {
            ApplicationConfig config = ApplicationConfig.read(root, module);
            if (config == null) {
                System.out.println("DeploymentFilesTests: skipping " + module
                        + " (no src/main/resources/application.yml yet)");
            } else {
                apps.put(module, config);
            }
        }
    }

    @Test
    void composeRunsEveryApplicationAsConfigured() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = maps(compose.get("services"));
        assertThat(services).containsKeys("postgres", "gateway", "recommend-service", "search-service",
                "behavior-service");
        Map<String, Object> postgres = services.get("postgres");
        assertThat(String.valueOf(postgres.get("image"))).startsWith("postgres:15");
        Map<String, String> postgresEnv = environment(postgres);
        SoftAssertions softly = new SoftAssertions();
        for (ApplicationConfig app : apps.values()) {
            Map<String, Object> service = services.get(app.module());
            String name = "compose service " + app.module();
            softly.assertThat(String.valueOf(service.get("build"))).as(name + " build").isEqualTo("./" + app.module());
            softly.assertThat(strings(service.get("ports"))).as(name + " ports")
                    .contains(app.port() + ":" + app.port());
            Map<String, String> env = environment(service);
            checkVariables(softly, name, app, env.keySet());
            if (env.containsKey("SPRING_PROFILES_ACTIVE")) {
                for (String profile : env.get("SPRING_PROFILES_ACTIVE").split(",")) {
                    softly.assertThat(app.profiles()).as(name + " activates profile " + profile).contains(profile);
                }
            }
            checkUrls(softly, name, env, services.keySet());
            if (app.usesDatabase()) {
                softly.assertThat(env.get("AISLE_DB_URL")).as(name + " AISLE_DB_URL")
                        .isEqualTo("jdbc:postgresql://postgres:5432/" + postgresEnv.get("POSTGRES_DB"));
                softly.assertThat(env.get("AISLE_DB_USER")).as(name + " AISLE_DB_USER")
                        .isEqualTo(postgresEnv.get("POSTGRES_USER"));
                softly.assertThat(env.get("AISLE_DB_PASSWORD")).as(name + " AISLE_DB_PASSWORD")
                        .isEqualTo(postgresEnv.get("POSTGRES_PASSWORD"));
                softly.assertThat(maps(service.get("depends_on"))).as(name + " depends_on").containsKey("postgres");
            }
            Map<String, Object> health = map(service.get("healthcheck"));
            softly.assertThat(String.join(" ", strings(health.get("test")))).as(name + " healthcheck")
                    .contains("http://localhost:" + app.port() + READINESS);
            softly.assertThat(app.probesEnabled()).as(app.module()
                    + " must enable management.endpoint.health.probes.enabled for the probes to exist").isTrue();
        }
        softly.assertAll();
    }

    @Test
    void kubernetesHasADeploymentAndServicePerApplicationWithProbes() throws IOException {
        Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
        Map<String, Map<String, Object>> kubeServices = new LinkedHashMap<>();
        Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
        for (Map<String, Object> document : kubernetesDocuments()) {
            String name = String.valueOf(map(document.get("metadata")).get("name"));
            switch (String.valueOf(document.get("kind"))) {
                case "Deployment" -> deployments.put(name, document);
                case "Service" -> kubeServices.put(name, document);
                case "ConfigMap" -> configMaps.put(name, document);
                case "Secret" -> throw new AssertionError("the database Secret is external; do not commit " + name);
                default -> { }
            }
        }
        SoftAssertions softly = new SoftAssertions();
        for (ApplicationConfig app : apps.values()) {
            String name = "k8s " + app.module();
            softly.assertThat(deployments).as(name + " Deployment").containsKey(app.module());
            softly.assertThat(kubeServices).as(name + " Service").containsKey(app.module());
            if (!deployments.containsKey(app.module()) || !kubeServices.containsKey(app.module())) {
                continue;
            }
            Map<String, Object> template = map(map(deployments.get(app.module()).get("spec")).get("template"));
            Map<String, Object> labels = map(map(template.get("metadata")).get("labels"));
            Map<String, Object> container = list(map(template.get("spec")).get("containers")).get(0);
            Map<String, Integer> namedPorts = new LinkedHashMap<>();
            for (Map<String, Object> port : list(container.get("ports"))) {
                namedPorts.put(String.valueOf(port.get("name")), (Integer) port.get("containerPort"));
            }
            softly.assertThat(namedPorts.values()).as(name + " containerPort").containsExactly(app.port());
            checkProbe(softly, name + " livenessProbe", container.get("livenessProbe"), LIVENESS, app, namedPorts);
            checkProbe(softly, name + " readinessProbe", container.get("readinessProbe"), READINESS, app,
                    namedPorts);
            Map<String, Object> serviceSpec = map(kubeServices.get(app.module()).get("spec"));
            softly.assertThat(labels).as(name + " Service selector matches the pod labels")
                    .containsAllEntriesOf(map(serviceSpec.get("selector")));
            Map<String, Object> servicePort = list(serviceSpec.get("ports")).get(0);
            softly.assertThat(servicePort.get("port")).as(name + " Service port").isEqualTo(app.port());
            softly.assertThat(resolve(servicePort.get("targetPort"), namedPorts)).as(name + " Service targetPort")
                    .isEqualTo(app.port());
            Map<String, String> env = new LinkedHashMap<>();
            for (Map<String, Object> variable : list(container.get("env"))) {
                String variableName = String.valueOf(variable.get("name"));
                Map<String, Object> from = map(variable.get("valueFrom"));
                if (from.containsKey("secretKeyRef")) {
                    softly.assertThat(map(from.get("secretKeyRef")).get("name")).as(name + " " + variableName)
                            .isEqualTo(ApplicationConfig.DATABASE_VARIABLES.contains(variableName) ? "aisle-db"
                                    : "aisle-gateway");
                    env.put(variableName, "<secret>");
                } else if (from.containsKey("configMapKeyRef")) {
                    Map<String, Object> ref = map(from.get("configMapKeyRef"));
                    Map<String, Object> data = configMaps.containsKey(String.valueOf(ref.get("name")))
                            ? map(configMaps.get(String.valueOf(ref.get("name"))).get("data")) : Map.of();
                    softly.assertThat(data).as(name + " " + variableName + " ConfigMap key")
                            .containsKey(String.valueOf(ref.get("key")));
                    env.put(variableName, String.valueOf(data.get(String.valueOf(ref.get("key")))));
                } else {
                    env.put(variableName, String.valueOf(variable.get("value")));
                }
            }
            if (app.usesDatabase()) {
                softly.assertThat(env).as(name + " database settings from Secret aisle-db")
                        .containsEntry("AISLE_DB_URL", "<secret>").containsEntry("AISLE_DB_USER", "<secret>")
                        .containsEntry("AISLE_DB_PASSWORD", "<secret>");
            }
            checkVariables(softly, name, app, env.keySet());
            checkUrls(softly, name, env, kubeServices.keySet());
        }
        softly.assertAll();
    }

    @Test
    void dockerfilesExposeThePortAndProbeReadiness() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (ApplicationConfig app : apps.values()) {
            Path dockerfile = root.resolve(app.module()).resolve("Dockerfile");
            softly.assertThat(dockerfile).as(app.module() + " Dockerfile").isRegularFile();
            if (!Files.isRegularFile(dockerfile)) {
                continue;
            }
            String text = Files.readString(dockerfile);
            softly.assertThat(text).as(dockerfile.toString())
                    .contains("EXPOSE " + app.port())
                    .contains("COPY target/" + app.module() + "-*-exec.jar")
                    .contains("http://localhost:" + app.port() + READINESS);
        }
        softly.assertAll();
    }

    @Test
    void detectsAVariableTheApplicationDoesNotRead() {
        ApplicationConfig app = new ApplicationConfig("search-service", 8082, "AISLE_SEARCH_PORT",
                Set.of("AISLE_SEARCH_PORT", "AISLE_BEHAVIOR_URL"), Set.of(), true, false, Set.of());
        SoftAssertions softly = new SoftAssertions();
        checkVariables(softly, "example", app, Set.of("AISLE_BEHAVIOR_URL", "AISLE_SEARCH_URL"));
        assertThat(softly.errorsCollected()).hasSize(1);
        assertThat(softly.errorsCollected().get(0)).hasMessageContaining("AISLE_SEARCH_URL");
    }

    @Test
    void detectsAUrlPointingAtTheWrongPort() {
        SoftAssertions softly = new SoftAssertions();
        checkUrl(softly, "example", "AISLE_BEHAVIOR_URL", "http://behavior-service:8082",
                Set.of("behavior-service"), 8083);
        assertThat(softly.errorsCollected()).isNotEmpty();
    }

    /** Spring's own variables a deployment may set for any application. */
    static final Set<String> SPRING_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_APPLICATION_JSON",
            "JAVA_TOOL_OPTIONS");

    /** The variables set must be ones the application reads, and must include those it needs. */
    static void checkVariables(SoftAssertions softly, String name, ApplicationConfig app, Set<String> set) {
        for (String variable : set) {
            if (SPRING_VARIABLES.contains(variable)) {
                continue;
            }
            softly.assertThat(app.reads()).as(name + " sets " + variable + ", which " + app.module()
                    + " does not read").contains(variable);
        }
        List<String> needed = new ArrayList<>(app.required());
        app.reads().stream().filter(v -> v.endsWith("_URL") && !v.startsWith("AISLE_DB")).forEach(needed::add);
        if (app.usesDatabase()) {
            needed.addAll(ApplicationConfig.DATABASE_VARIABLES);
        }
        for (String variable : needed) {
            softly.assertThat(set).as(name + " must set " + variable + ", which " + app.module() + " reads")
                    .contains(variable);
        }
        if (app.portVariable() != null && set.contains(app.portVariable())) {
            softly.fail(name + " moves the port with " + app.portVariable() + "; keep the default " + app.port());
        }
    }

    private static void checkUrls(SoftAssertions softly, String name, Map<String, String> env, Set<String> hosts) {
        for (Map.Entry<String, String> variable : env.entrySet()) {
            MODULES.forEach((module, urlVariable) -> {
                if (urlVariable.equals(variable.getKey())) {
                    int port = apps.containsKey(module) ? apps.get(module).port() : defaultPort(module);
                    checkUrl(softly, name, variable.getKey(), variable.getValue(), hosts, port);
                }
            });
        }
    }

    static void checkUrl(SoftAssertions softly, String name, String variable, String value, Set<String> hosts,
            int port) {
        String module = MODULES.entrySet().stream().filter(e -> e.getValue().equals(variable))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        URI uri = URI.create(value);
        softly.assertThat(uri.getHost()).as(name + " " + variable + " host").isEqualTo(module).isIn(hosts);
        softly.assertThat(uri.getPort()).as(name + " " + variable + " port").isEqualTo(port);
    }

    private static int defaultPort(String module) {
        return switch (module) {
            case "gateway" -> 8080;
            case "recommend-service" -> 8081;
            case "search-service" -> 8082;
            default -> 8083;
        };
    }

    private static void checkProbe(SoftAssertions softly, String name, Object probe, String path,
            ApplicationConfig app, Map<String, Integer> namedPorts) {
        Map<String, Object> http = map(map(probe).get("httpGet"));
        softly.assertThat(http.get("path")).as(name + " path").isEqualTo(path);
        softly.assertThat(resolve(http.get("port"), namedPorts)).as(name + " port").isEqualTo(app.port());
        softly.assertThat(app.probesEnabled()).as(app.module()
                + " must enable management.endpoint.health.probes.enabled for " + path).isTrue();
    }

    private static Integer resolve(Object port, Map<String, Integer> namedPorts) {
        return port instanceof Integer number ? number : namedPorts.get(String.valueOf(port));
    }

    private static List<Map<String, Object>> kubernetesDocuments() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document instanceof Map<?, ?> map && map.containsKey("kind")) {
                        documents.add(cast(map));
                    }
                }
            }
        }
        return documents;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> maps(Object value) {
        if (value instanceof List<?> list) {
            Map<String, Map<String, Object>> indexed = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                indexed.put(Integer.toString(i), map(list.get(i)));
            }
            return indexed;
        }
        return value instanceof Map<?, ?> map ? (Map<String, Map<String, Object>>) map : Map.of();
    }

    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> entries) {
            entries.forEach(entry -> items.add(map(entry)));
        }
        return items;
    }

    private static List<String> strings(Object value) {
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> entries) {
            entries.forEach(entry -> items.add(String.valueOf(entry)));
        } else if (value != null) {
            items.add(String.valueOf(value));
        }
        return items;
    }
}
