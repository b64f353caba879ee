package dev.aisle.cli.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aisle.cli.AisleCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code aisle import} against a fake gateway on a local port. */
class ImportCommandTests {

    HttpServer server;

    final List<String> requests = new CopyOnWriteArrayList<>();

    final List<String> eventLinesSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/catalog/products", exchange -> {
            String body = read(exchange);
            requests.add("products " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("X-API-Key"));
            int count = body.split("\"id\"", -1).length - 1;
            respond(exchange, 200, "{\"upserted\":" + count + "}");
        });
        server.createContext("/api/v1/events", exchange -> {
            String body = read(exchange);
            List<String> lines = body.lines().toList();
            requests.add("events " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + lines.size());
            if (lines.size() > 3) {
                respond(exchange, 413, "{\"title\":\"Payload Too Large\"}");
                return;
            }
            int duplicates = 0;
            int rejected = 0;
            for (String line : lines) {
                if (!line.startsWith("{")) {
                    rejected++;
                } else if (eventLinesSeen.contains(line)) {
                    duplicates++;
                } else {
                    eventLinesSeen.add(line);
                }
            }
            respond(exchange, 200, "{\"accepted\":" + (lines.size() - duplicates - rejected) + ",\"duplicates\":"
                    + duplicates + ",\"rejected\":[" + "{}".repeat(rejected).replace("}{", "},{") + "]}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void importsProductsAndEventsInBatchesAndReportsTheCounts(@TempDir Path dir) throws IOException {
        Path products = dir.resolve("products.json");
        Files.writeString(products, "[{\"id\":\"p-1\",\"title\":\"A\"},{\"id\":\"p-2\",\"title\":\"B\"},"
                + "{\"id\":\"p-3\",\"title\":\"C\"}]");
        Path events = dir.resolve("events.ndjson");
        Files.writeString(events, String.join("\n", "{\"eventId\":\"e-1\"}", "{\"eventId\":\"e-2\"}",
                "{\"eventId\":\"e-1\"}", "not json", "", "{\"eventId\":\"e-3\"}") + "\n");
        StringWriter out = new StringWriter();
        CommandLine cli = AisleCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = run(cli, "import", "--url", "http://localhost:" + server.getAddress().getPort(), "--api-key",
                "k-1", "--products", products.toString(), "--events", events.toString(), "--batch", "2",
                "--product-batch", "2");
        assertThat(exit).isZero();
        assertThat(requests).contains("products application/json k-1", "events application/x-ndjson 2");
        assertThat(requests.stream().filter(r -> r.startsWith("products")).count()).isEqualTo(2);
        assertThat(captured).contains("Products: 3 sent: 3 accepted, 0 duplicates, 0 rejected")
                .contains("Events: 5 sent: 3 accepted, 1 duplicates, 1 rejected");
    }

    @Test
    void splitsABatchTheServerFindsTooLarge(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            lines.append("{\"eventId\":\"e-").append(i).append("\"}\n");
        }
        Files.writeString(events, lines);
        Importer importer = new Importer(new SuiteClient("http://localhost:" + server.getAddress().getPort(), "k",
                null, java.time.Duration.ofSeconds(5)));
        ImportResult result = importer.importEvents(events, 8);
        assertThat(result.accepted()).isEqualTo(8);
        assertThat(result.failedBatches()).isZero();
        assertThat(requests).contains("events application/x-ndjson 8", "events application/x-ndjson 2");
    }

    @Test
    void sendsInteractionsAsEventsWithStableIds(@TempDir Path dir) throws IOException {
        Path interactions = dir.resolve("ratings.csv");
        Files.writeString(interactions, "user,item,rating,timestamp\nu-1,p-1,4,1700000000\nu-2,p-9,5,\n");
        StringWriter out = new StringWriter();
        CommandLine cli = AisleCli.commandLine();
        cli.setOut(new PrintWriter(out));
        String port = Integer.toString(server.getAddress().getPort());
        assertThat(run(cli, "import", "--url", "http://localhost:" + port, "--api-key", "k", "--interactions",
                interactions.toString(), "--interaction-type", "rating")).isZero();
        assertThat(captured).contains("Interactions: 2 sent: 2 accepted");
        assertThat(eventLinesSeen).hasSize(2);
        assertThat(eventLinesSeen.get(0)).contains("\"type\":\"rating\"").contains("\"userId\":\"u-1\"")
                .contains("\"productId\":\"p-1\"").contains("\"value\":4.0")
                .contains("\"timestamp\":\"2023-11-14T22:13:20Z\"");

        assertThat(run(AisleCli.commandLine(), "import", "--url", "http://localhost:" + port, "--api-key", "k",
                "--interactions", interactions.toString(), "--interaction-type", "rating")).isZero();
        // the same rows get the same event ids (the server deduplicates by id; this fake only by whole line, and
        // the row without a timestamp is stamped with the import time)
        assertThat(eventLinesSeen.stream()
                .map(line -> line.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1")).distinct())
                .hasSize(2);
        assertThat(run(AisleCli.commandLine(), "import", "--api-key", "k", "--interactions",
                interactions.toString(), "--interaction-type", "search")).isEqualTo(2);
    }

    @Test
    void failsWithoutInputFiles() {
        assertThat(run(AisleCli.commandLine(), "import", "--api-key", "k")).isEqualTo(2);
    }

    String captured = "";

    private int run(CommandLine cli, String... args) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return cli.execute(args);
        } finally {
            System.setOut(original);
            captured = buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
