package dev.aisle.cli.suite;

import dev.aisle.cli.importer.ImportResult;
import dev.aisle.cli.importer.Importer;
import dev.aisle.cli.importer.SuiteClient;
import dev.aisle.cli.simulate.SimulateCommand;
import dev.aisle.simulator.SimulationParameters;
import dev.aisle.simulator.SimulationWriter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the simulator's demo shop into an empty suite and asks every service to train or index. */
public final class DemoData {

    /** Admin endpoints that build the models and indexes, in the order they are called. */
    public static final List<String> TRAINING_ENDPOINTS = List.of(
            "/api/v1/search/admin/reindex",
            "/api/v1/recommendations/admin/train",
            "/api/v1/predictions/admin/train",
            "/api/v1/analytics/admin/segments/recompute");

    private final SuiteClient client;

    private final PrintStream out;

    private final JsonMapper mapper = JsonMapper.builder().build();

    public DemoData(SuiteClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    /**
     * The number of products in the catalogue, read from {@code GET /api/v1/catalog/products?size=1}
     * ({@code total} of the page); empty when the catalogue cannot be read.
     */
    public OptionalLong catalogueSize() {
        SuiteClient.Response response = client.get("/api/v1/catalog/products?size=1");
        if (!response.ok()) {
            out.println("Catalogue not readable (HTTP " + response.status() + "): " + abbreviate(response.body()));
            return OptionalLong.empty();
        }
        return total(mapper, response.body());
    }

    static OptionalLong total(JsonMapper mapper, String body) {
        try {
            JsonNode page = mapper.readTree(body);
            if (page.isArray()) {
                return OptionalLong.of(page.size());
            }
            for (String name : List.of("total", "totalElements", "totalItems")) {
                if (page.path(name).isNumber()) {
                    return OptionalLong.of(page.path(name).asLong());
                }
            }
            for (String name : List.of("items", "content", "products")) {
                if (page.path(name).isArray()) {
                    return OptionalLong.of(page.path(name).size());
                }
            }
        } catch (JacksonException ex) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Generates the demo shop into {@code folder} (unless already there) and imports it through the gateway. */
    public boolean load(SimulationParameters parameters, Path folder, int batch) {
        Path products = folder.resolve(SimulationWriter.PRODUCTS_FILE);
        Path events = folder.resolve(SimulationWriter.EVENTS_FILE);
        if (!Files.isRegularFile(products) || !Files.isRegularFile(events)) {
            out.println("Generating demo data in " + folder + " …");
            SimulateCommand.write(parameters, folder);
        }
        out.println("Importing demo data through the gateway …");
        Importer importer = new Importer(client);
        ImportResult productResult = importer.importProducts(products, 1000);
        out.println("  products: " + productResult);
        productResult.errors().forEach(e -> out.println("    " + e));
        ImportResult eventResult = importer.importEvents(events, batch);
        out.println("  events:   " + eventResult);
        eventResult.errors().forEach(e -> out.println("    " + e));
        return productResult.failedBatches() == 0 && eventResult.failedBatches() == 0;
    }

    /** Calls every training endpoint and reports each; a 404 means the service does not offer it yet. */
    public void train() {
        for (String endpoint : TRAINING_ENDPOINTS) {
            out.print("  POST " + endpoint + " … ");
            out.flush();
            long started = System.nanoTime();
            SuiteClient.Response response;
            try {
                response = client.postAdmin(endpoint);
            } catch (RuntimeException ex) {
                out.println("failed: " + ex.getMessage());
                continue;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.ok()) {
                out.printf(Locale.ROOT, "ok (%.1fs)%n", seconds);
            } else if (response.status() == 404) {
                out.println("not available in this build (404)");
            } else {
                out.println("HTTP " + response.status() + ": " + abbreviate(response.body()));
            }
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
