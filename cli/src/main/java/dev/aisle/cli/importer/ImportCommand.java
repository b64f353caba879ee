package dev.aisle.cli.importer;

import java.nio.file.Files;
import dev.aisle.common.event.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aisle import}: loads products and events into a running suite through the gateway. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load products (JSON array or CSV), events (NDJSON or JSON array) and interactions "
                + "(CSV user,item[,rating[,timestamp]]) through the public API.")
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080",
            description = "Gateway URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--api-key", defaultValue = "${env:AISLE_DEMO_API_KEY}",
            description = "Storefront API key (default: $AISLE_DEMO_API_KEY).")
    String apiKey;

    @Option(names = "--admin-password", defaultValue = "${env:AISLE_ADMIN_PASSWORD}",
            description = "Password of user admin, for admin endpoints (default: $AISLE_ADMIN_PASSWORD).")
    String adminPassword;

    @Option(names = "--products", description = "Products file: .json (array) or .csv (with header).")
    Path products;

    @Option(names = "--events", description = "Events file: .ndjson (one per line) or .json (array).")
    Path events;

    @Option(names = "--interactions",
            description = "Interactions CSV: user,item[,rating[,timestamp]] (header optional), sent as events.")
    Path interactions;

    @Option(names = "--interaction-type", defaultValue = "view",
            description = "Event type of each interaction: view, click, add_to_cart, purchase or rating "
                    + "(default: ${DEFAULT-VALUE}; rating and purchase carry the rating as value).")
    String interactionType;

    @Option(names = "--batch", defaultValue = "5000", description = "Events per request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--product-batch", defaultValue = "1000",
            description = "Products per request (default: ${DEFAULT-VALUE}).")
    int productBatch;

    @Override
    public Integer call() {
        if (apiKey == null || apiKey.isBlank()) {
            System.err.println("No API key: give --api-key or set AISLE_DEMO_API_KEY.");
            return 2;
        }
        if (products == null && events == null && interactions == null) {
            System.err.println("Nothing to import: give --products, --events and/or --interactions.");
            return 2;
        }
        EventType type;
        try {
            type = EventType.fromWire(interactionType);
        } catch (IllegalArgumentException ex) {
            System.err.println("--interaction-type: " + ex.getMessage());
            return 2;
        }
        if (!type.requiresProduct()) {
            System.err.println("--interaction-type must name an event about a product, not " + interactionType);
            return 2;
        }
        for (Path file : new Path[] {products, events, interactions}) {
            if (file != null && !Files.isRegularFile(file)) {
                System.err.println("No such file: " + file);
                return 2;
            }
        }
        Importer importer = new Importer(new SuiteClient(url, apiKey, adminPassword, Duration.ofMinutes(2)));
        boolean failed = false;
        if (products != null) {
            ImportResult result = importer.importProducts(products, productBatch);
            failed |= report("Products", result);
        }
        if (events != null) {
            ImportResult result = importer.importEvents(events, batch);
            failed |= report("Events", result);
        }
        if (interactions != null) {
            ImportResult result = importer.importInteractions(interactions, type, batch);
            failed |= report("Interactions", result);
        }
        return failed ? 1 : 0;
    }

    /** Prints a result; returns whether any batch failed. */
    static boolean report(String what, ImportResult result) {
        System.out.println(what + ": " + result);
        result.errors().forEach(error -> System.out.println("  " + error));
        return result.failedBatches() > 0;
    }
}
