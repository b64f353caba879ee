package dev.aisle.cli.suite;

import dev.aisle.cli.importer.SuiteClient;
import dev.aisle.simulator.SimulationParameters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aisle demo}: runs the whole suite on this machine with demo data until Ctrl-C.
 *
 * <p>Starts the embedded PostgreSQL and the four applications, loads the simulator's shop on the first run (when
 * the catalogue is empty), triggers training and indexing, prints where everything is, and on Ctrl-C stops the
 * applications and then the database. The data stays in {@code ~/.aisle/pg}, so the next run starts where this
 * one stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the suite with demo data on the embedded PostgreSQL; Ctrl-C stops everything.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--timeout", defaultValue = "300",
            description = "Seconds to wait for each start-up wave (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Demo data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--products", defaultValue = "5000", description = "Demo products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--users", defaultValue = "2000", description = "Demo shoppers (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--days", defaultValue = "60", description = "Demo days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--batch", defaultValue = "5000", description = "Events per import request.")
    int batch;

    @Option(names = "--exit-when-ready",
            description = "Stop everything once the suite is up and loaded instead of waiting for Ctrl-C.")
    boolean exitWhenReady;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Path home = AisleHome.path();
        DemoCredentials credentials = DemoCredentials.resolve(System.getenv(), home);
        SuiteLauncher launcher = new SuiteLauncher(AisleHome.repositoryRoot(), home, credentials,
                Duration.ofSeconds(timeoutSeconds), out);
        List<SuiteApp> missing = launcher.missingJars();
        if (!missing.isEmpty()) {
            System.err.println("Not built: " + missing.stream().map(SuiteApp::module).toList()
                    + " — run ./aisle (it builds what is missing) or ./mvnw -DskipTests install");
            return 1;
        }
        Thread hook = new Thread(launcher::close, "aisle-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            launcher.start();
        } catch (RuntimeException ex) {
            System.err.println("The suite did not start: " + ex.getMessage());
            return 1;
        }
        SuiteClient client = new SuiteClient(SuiteApp.GATEWAY.url(), credentials.apiKey(),
                credentials.adminPassword(), Duration.ofMinutes(10));
        DemoData data = new DemoData(client, out);
        OptionalLong size = data.catalogueSize();
        if (size.isPresent() && size.getAsLong() == 0) {
            out.println("First run: the catalogue is empty.");
            // the demo shop's history ends today, so "recent", "trending" and "last 7 days" mean something
            LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(days);
            data.load(new SimulationParameters(products, users, days, seed,
                            first.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    home.resolve("demo-data").resolve("seed-" + seed + "-from-" + first), batch);
            out.println("Training and indexing:");
            data.train();
        } else if (size.isPresent()) {
            out.printf(Locale.ROOT, "The catalogue holds %,d products: keeping the data.%n", size.getAsLong());
        }
        printBanner(out, launcher, credentials, home);
        if (exitWhenReady) {
            return 0;
        }
        return waitForExit(launcher);
    }

    private static int waitForExit(SuiteLauncher launcher) {
        while (true) {
            for (SuiteProcess process : launcher.processes()) {
                if (!process.alive() && !launcher.stopping()) {
                    System.err.println(process.app().module() + " stopped unexpectedly; see " + process.log());
                    return 1;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    static void printBanner(PrintStream out, SuiteLauncher launcher, DemoCredentials credentials, Path home) {
        String key = credentials.apiKey();
        String gateway = SuiteApp.GATEWAY.url();
        out.println();
        out.println("Aisle is up.");
        for (SuiteApp app : SuiteApp.ALL) {
            out.printf(Locale.ROOT, "  %-18s %s%n", app.module(), app.url());
        }
        out.println("  API docs           " + gateway + "/swagger-ui.html");
        out.println("  API key            " + key + "   (header X-API-Key)");
        out.println("  Admin              admin / " + credentials.adminPassword() + "   (HTTP Basic, /admin/ paths)");
        out.println("  Logs               " + home.resolve("logs"));
        out.println();
        out.println("Try:");
        out.println("  curl -H 'X-API-Key: " + key + "' '" + gateway + "/api/v1/catalog/products?size=5'");
        out.println("  curl -H 'X-API-Key: " + key + "' '" + gateway + "/api/v1/search?q=running+shoes'");
        out.println("  curl -H 'X-API-Key: " + key + "' '" + gateway + "/api/v1/recommendations/users/u-00001?n=10'");
        out.println();
        out.println("Ctrl-C stops everything; the data stays in " + home.resolve("pg") + ".");
    }
}
