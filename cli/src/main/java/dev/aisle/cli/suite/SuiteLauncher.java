package dev.aisle.cli.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts the suite as child processes: the embedded PostgreSQL (or an external one named by {@code AISLE_DB_URL}),
 * then the four Boot jars with the {@code demo} profile in two waves, each waited for until its readiness probe
 * answers 200. {@link #close()} stops the applications (newest first, gracefully) and then the database.
 */
public final class SuiteLauncher implements AutoCloseable {

    /** JVM options of the applications unless {@code AISLE_JAVA_OPTS} replaces them. */
    public static final String DEFAULT_JAVA_OPTS = "-XX:+UseSerialGC -Xss512k -Dai.djl.offline=true";

    private static final long STOP_GRACE_SECONDS = 30;

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path root;

    private final Path home;

    private final DemoCredentials credentials;

    private final Duration readinessTimeout;

    private final PrintStream out;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<SuiteProcess> processes = new CopyOnWriteArrayList<>();

    private final Map<SuiteApp, Duration> readyAfter = new LinkedHashMap<>();

    private EmbeddedDatabase database;

    private volatile boolean stopping;

    private String databaseUrl;

    private long startedNanos;

    private Duration databaseReadyAfter = Duration.ZERO;

    public SuiteLauncher(Path root, Path home, DemoCredentials credentials, Duration readinessTimeout,
            PrintStream out) {
        this.root = root;
        this.home = home;
        this.credentials = credentials;
        this.readinessTimeout = readinessTimeout;
        this.out = out;
    }

    /** Applications whose Boot jar is not built under the repository root. */
    public List<SuiteApp> missingJars() {
        return SuiteApp.ALL.stream().filter(app -> app.jar(root) == null).toList();
    }

    /**
     * Starts everything and waits for readiness.
     *
     * @throws IllegalStateException when an application exits or is not ready in time (its log tail is printed)
     */
    public void start() {
        List<String> taken = SuiteApp.ALL.stream().filter(SuiteLauncher::listening)
                .map(app -> app.module() + " (" + app.port() + ")").toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports already taken, is another suite running? " + taken);
        }
        startedNanos = System.nanoTime();
        Path logs = home.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String external = System.getenv("AISLE_DB_URL");
        if (external != null && !external.isBlank()) {
            databaseUrl = external;
            out.println("Database: external " + external);
        } else {
            int port = EmbeddedDatabase.DEFAULT_PORT;
            boolean running = EmbeddedDatabase.listening(port);
            out.print(running ? "Database: reusing PostgreSQL on port " + port
                    : "Database: starting embedded PostgreSQL on port " + port + " (data in " + home.resolve("pg")
                            + ") … ");
            database = EmbeddedDatabase.startOrJoin(port, home.resolve("pg"), logs.resolve("postgres.log"));
            databaseUrl = database.jdbcUrl();
            databaseReadyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
            out.println(running ? "" : String.format(Locale.ROOT, "ready in %.1fs", seconds(databaseReadyAfter)));
        }
        for (List<SuiteApp> wave : SuiteApp.WAVES) {
            List<SuiteProcess> started = new ArrayList<>();
            for (SuiteApp app : wave) {
                started.add(launch(app, logs.resolve(app.module() + ".log")));
            }
            awaitReady(started);
        }
    }

    private SuiteProcess launch(SuiteApp app, Path log) {
        Path jar = app.jar(root);
        if (jar == null) {
            throw new IllegalStateException(app.module() + " is not built: run ./mvnw -DskipTests install");
        }
        if (listening(app)) {
            throw new IllegalStateException("port " + app.port() + " of " + app.module()
                    + " is already taken: is another suite running?");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // own session: Ctrl-C in the terminal reaches only the CLI, which then stops the children in order
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault("AISLE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        try {
            SuiteProcess process = new SuiteProcess(app, builder.start(), log);
            processes.add(process);
            return process;
        } catch (IOException ex) {
            throw new UncheckedIOException("could not start " + app.module(), ex);
        }
    }

    /** The environment every application gets: database, peers, ports, demo credentials, home. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AISLE_DB_URL", databaseUrl);
        env.put("AISLE_DB_USER", System.getenv().getOrDefault("AISLE_DB_USER", "postgres"));
        env.put("AISLE_DB_PASSWORD", System.getenv().getOrDefault("AISLE_DB_PASSWORD", ""));
        for (SuiteApp app : SuiteApp.ALL) {
            env.put(app.portVariable(), Integer.toString(app.port()));
            if (app.urlVariable() != null) {
                env.put(app.urlVariable(), app.url());
            }
        }
        env.put("AISLE_DEMO_API_KEY", credentials.apiKey());
        env.put("AISLE_ADMIN_PASSWORD", credentials.adminPassword());
        env.put("AISLE_HOME", home.toString());
        return env;
    }

    private void awaitReady(List<SuiteProcess> wave) {
        long deadline = System.nanoTime() + readinessTimeout.toNanos();
        List<SuiteProcess> waiting = new ArrayList<>(wave);
        while (!waiting.isEmpty()) {
            for (SuiteProcess process : List.copyOf(waiting)) {
                if (stopping) {
                    throw new IllegalStateException("interrupted by shutdown");
                }
                if (!process.alive()) {
                    out.println();
                    throw failure(process, "exited during start-up");
                }
                if (ready(process.app())) {
                    readyAfter.put(process.app(), Duration.ofNanos(System.nanoTime() - startedNanos));
                    waiting.remove(process);
                }
            }
            out.print('\r' + statusLine(wave));
            out.flush();
            if (System.nanoTime() > deadline && !waiting.isEmpty()) {
                out.println();
                throw failure(waiting.get(0), "not ready after " + readinessTimeout.toSeconds() + "s");
            }
            sleep(500);
        }
        out.println();
    }

    private String statusLine(List<SuiteProcess> wave) {
        StringBuilder line = new StringBuilder("Starting:");
        for (SuiteProcess process : wave) {
            Duration ready = readyAfter.get(process.app());
            line.append("  ").append(process.app().module()).append(ready == null
                    ? String.format(Locale.ROOT, " … %.0fs", seconds(Duration.ofNanos(System.nanoTime() - startedNanos)))
                    : String.format(Locale.ROOT, " ready (%.1fs)", seconds(ready)));
        }
        return line.toString();
    }

    private IllegalStateException failure(SuiteProcess process, String what) {
        out.println(process.app().module() + " " + what + "; last lines of " + process.log() + ":");
        process.tail(30).forEach(line -> out.println("  | " + line));
        return new IllegalStateException(process.app().module() + " " + what);
    }

    /** Whether the application's readiness probe answers 200. */
    public boolean ready(SuiteApp app) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(app.url() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(SuiteApp app) {
        return EmbeddedDatabase.listening(app.port());
    }

    /** Time from {@link #start()} until each application was ready. */
    public Map<SuiteApp, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    /** Time from {@link #start()} until the database accepted connections (zero when it was already running). */
    public Duration databaseReadyAfter() {
        return databaseReadyAfter;
    }

    /** The running applications. */
    public List<SuiteProcess> processes() {
        return List.copyOf(processes);
    }

    /** Whether {@link #close()} has begun. */
    public boolean stopping() {
        return stopping;
    }

    /** The database, or {@code null} when external. */
    public EmbeddedDatabase database() {
        return database;
    }

    /** Stops the applications, newest first, then the database if this run started it. */
    @Override
    public synchronized void close() {
        stopping = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            SuiteProcess process = processes.get(i);
            if (process.alive()) {
                out.println("Stopping " + process.app().module() + " …");
                process.requestStop();
            }
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(STOP_GRACE_SECONDS);
        }
        processes.clear();
        if (database != null && database.owned()) {
            out.println("Stopping PostgreSQL …");
            database.close();
            database = null;
        }
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the suite", ex);
        }
    }
}
