package dev.aisle.cli.simulate;

import dev.aisle.cli.ProgressBar;
import dev.aisle.simulator.ShopSimulator;
import dev.aisle.simulator.SimulationParameters;
import dev.aisle.simulator.SimulationWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aisle simulate}: writes a seeded demo shop (products JSON, events NDJSON) to a folder. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Generate a seeded shop: products.json (JSON array) and events.ndjson (one event per line).")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output folder (created when missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--products", defaultValue = "5000", description = "Products (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--users", defaultValue = "2000", description = "Shoppers (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--days", defaultValue = "60", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--start", defaultValue = "2026-01-01T00:00:00Z",
            description = "First instant of the period (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Override
    public Integer call() {
        SimulationParameters parameters = new SimulationParameters(products, users, days, seed, start);
        System.err.printf("Simulating %,d products, %,d shoppers over %d days (seed %d)%n", products, users, days,
                seed);
        SimulationWriter.Summary summary = write(parameters, out);
        System.out.printf("Wrote %,d products to %s%n", summary.products(), summary.productsFile());
        System.out.printf("Wrote %,d events to %s%n", summary.events(), summary.eventsFile());
        return 0;
    }

    /** Generates and writes a simulation with a progress bar; also used by {@code aisle demo}. */
    public static SimulationWriter.Summary write(SimulationParameters parameters, Path folder) {
        // ≈ 100 events per shopper over 60 days: an estimate for the bar, not a promise
        long expected = Math.round(parameters.users() * 100.0 * parameters.days() / 60);
        ProgressBar bar = new ProgressBar("events", expected, "events");
        SimulationWriter.Summary summary =
                new SimulationWriter().write(new ShopSimulator(parameters), folder, bar::update);
        bar.update(summary.events());
        bar.finish();
        return summary;
    }
}
