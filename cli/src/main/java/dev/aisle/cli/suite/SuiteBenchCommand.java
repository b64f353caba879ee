package dev.aisle.cli.suite;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aisle bench suite}: starts the suite as {@code aisle demo} does (without loading data), measures the cold
 * start to all-ready and the resident memory of each process from {@code /proc}, prints a table and stops it.
 */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Cold-start time to all-ready and resident memory (RSS) of each process of the suite.")
public final class SuiteBenchCommand implements Callable<Integer> {

    @Option(names = "--timeout", defaultValue = "300",
            description = "Seconds to wait for each start-up wave (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--settle", defaultValue = "10",
            description = "Seconds to wait after all-ready before reading memory (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        DemoCredentials credentials = DemoCredentials.resolve(System.getenv(), AisleHome.path());
        SuiteLauncher launcher = new SuiteLauncher(AisleHome.repositoryRoot(), AisleHome.path(), credentials,
                Duration.ofSeconds(timeoutSeconds), out);
        if (!launcher.missingJars().isEmpty()) {
            System.err.println("Not built: " + launcher.missingJars().stream().map(SuiteApp::module).toList());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "aisle-bench-shutdown"));
        try {
            launcher.start();
        } catch (RuntimeException ex) {
            System.err.println("The suite did not start: " + ex.getMessage());
            return 1;
        }
        Thread.sleep(settleSeconds * 1000L);
        List<Row> rows = new ArrayList<>();
        Map<SuiteApp, Duration> ready = launcher.readyAfter();
        for (SuiteProcess process : launcher.processes()) {
            rows.add(new Row(process.app().module(), process.pid(), ready.get(process.app()), process.residentKib()));
        }
        EmbeddedDatabase database = launcher.database();
        out.println(table(rows, launcher.databaseReadyAfter(), database != null && database.owned(),
                PostgresMemory.residentKib(database == null ? -1 : database.port())));
        launcher.close();
        return 0;
    }

    /** One measured application. */
    record Row(String app, long pid, Duration readyAfter, long residentKib) {}

    static String table(List<Row> rows, Duration databaseReady, boolean databaseOwned, long databaseKib) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-20s %8s %14s %10s%n", "process", "pid", "ready after s", "RSS MiB"));
        Duration allReady = Duration.ZERO;
        long totalKib = 0;
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%-20s %8d %14.1f %10.0f%n", row.app(), row.pid(),
                    row.readyAfter().toMillis() / 1000.0, row.residentKib() / 1024.0));
            allReady = row.readyAfter().compareTo(allReady) > 0 ? row.readyAfter() : allReady;
            totalKib += Math.max(0, row.residentKib());
        }
        if (databaseKib >= 0) {
            text.append(String.format(Locale.ROOT, "%-20s %8s %14s %10.0f%n", "postgresql", "-",
                    databaseOwned ? String.format(Locale.ROOT, "%.1f", databaseReady.toMillis() / 1000.0)
                            : "(running)", databaseKib / 1024.0));
            totalKib += databaseKib;
        }
        text.append(String.format(Locale.ROOT, "%-20s %8s %14.1f %10.0f%n", "all", "",
                allReady.toMillis() / 1000.0, totalKib / 1024.0));
        return text.toString();
    }
}
