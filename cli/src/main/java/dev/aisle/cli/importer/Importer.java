package dev.aisle.cli.importer;

import dev.aisle.cli.ProgressBar;
import dev.aisle.common.dataset.CsvInteractionReader;
import dev.aisle.common.dataset.Rating;
import dev.aisle.common.event.EventType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends products and events to a running suite in batches through the public API. A batch answered with 413 is
 * split in two and retried; other failures count the batch as rejected and keep going.
 */
public final class Importer {

    /** Catalogue bulk upsert. */
    public static final String PRODUCTS_PATH = "/api/v1/catalog/products";

    /** Event ingestion. */
    public static final String EVENTS_PATH = "/api/v1/events";

    private final SuiteClient client;

    private final JsonMapper mapper = JsonMapper.builder().build();

    public Importer(SuiteClient client) {
        this.client = client;
    }

    /** Imports products from a JSON array ({@code .json}) or a CSV file with a header ({@code .csv}). */
    public ImportResult importProducts(Path file, int batch) {
        ImportResult result = new ImportResult();
        if (file.toString().endsWith(".csv")) {
            importCsvProducts(file, batch, result);
            return result;
        }
        JsonNode array = mapper.readTree(file.toFile());
        if (!array.isArray()) {
            throw new IllegalArgumentException(file + " does not hold a JSON array of products");
        }
        List<String> items = new ArrayList<>();
        array.forEach(node -> items.add(node.toString()));
        ProgressBar bar = new ProgressBar("products", items.size(), "products");
        for (int from = 0; from < items.size(); from += batch) {
            List<String> chunk = items.subList(from, Math.min(items.size(), from + batch));
            sendJson(PRODUCTS_PATH, chunk, "application/json", result);
            bar.update(Math.min(items.size(), from + batch));
        }
        bar.finish();
        return result;
    }

    /** Imports events from NDJSON (one event per line) or a JSON array ({@code .json}). */
    public ImportResult importEvents(Path file, int batch) {
        ImportResult result = new ImportResult();
        if (file.toString().endsWith(".json")) {
            JsonNode array = mapper.readTree(file.toFile());
            List<String> lines = new ArrayList<>();
            array.forEach(node -> lines.add(node.toString()));
            ProgressBar bar = new ProgressBar("events", lines.size(), "events");
            for (int from = 0; from < lines.size(); from += batch) {
                sendJson(EVENTS_PATH, lines.subList(from, Math.min(lines.size(), from + batch)),
                        "application/x-ndjson", result);
                bar.update(Math.min(lines.size(), from + batch));
            }
            bar.finish();
            return result;
        }
        long total = countLines(file);
        ProgressBar bar = new ProgressBar("events", total, "events");
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(batch);
            long done = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                chunk.add(line);
                if (chunk.size() == batch) {
                    sendJson(EVENTS_PATH, chunk, "application/x-ndjson", result);
                    done += chunk.size();
                    bar.update(done);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                sendJson(EVENTS_PATH, chunk, "application/x-ndjson", result);
                bar.update(done + chunk.size());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        bar.finish();
        return result;
    }

    /**
     * Imports interactions from a CSV of {@code user,item[,rating[,timestamp]]} (common-model's
     * {@link CsvInteractionReader}) as behaviour events of one type: interactions are derived from events in Aisle,
     * so this is how an interaction log enters the suite. Event ids are derived from the file name and the row, so
     * importing the same file again is deduplicated by the server; a missing timestamp becomes the import time.
     *
     * @param type {@code view}, {@code click}, {@code add_to_cart}, {@code purchase} (the rating is the value) or
     *     {@code rating} (the rating is the value)
     */
    public ImportResult importInteractions(Path file, EventType type, int batch) {
        List<Rating> rows;
        try {
            rows = CsvInteractionReader.read(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String prefix = "ix-" + Integer.toHexString(file.getFileName().toString().hashCode()) + "-";
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Rating row = rows.get(i);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", prefix + i);
            event.put("type", type.wireName());
            event.put("userId", row.user());
            event.put("productId", row.item());
            if (type == EventType.RATING || type == EventType.PURCHASE) {
                event.put("value", row.rating());
            }
            event.put("timestamp", (row.timestamp() > 0 ? Instant.ofEpochSecond(row.timestamp()) : now).toString());
            lines.add(mapper.writeValueAsString(event));
        }
        ImportResult result = new ImportResult();
        ProgressBar bar = new ProgressBar("interactions", lines.size(), "interactions");
        for (int from = 0; from < lines.size(); from += batch) {
            sendJson(EVENTS_PATH, lines.subList(from, Math.min(lines.size(), from + batch)), "application/x-ndjson",
                    result);
            bar.update(Math.min(lines.size(), from + batch));
        }
        bar.finish();
        return result;
    }

    private void sendJson(String path, List<String> items, String contentType, ImportResult result) {
        String body = contentType.equals("application/x-ndjson")
                ? String.join("\n", items) + "\n"
                : "[" + String.join(",", items) + "]";
        SuiteClient.Response response = client.post(path, contentType, body);
        if (response.status() == 413 && items.size() > 1) {
            int half = items.size() / 2;
            sendJson(path, items.subList(0, half), contentType, result);
            sendJson(path, items.subList(half, items.size()), contentType, result);
            return;
        }
        record(response, items.size(), result);
    }

    private void importCsvProducts(Path file, int batch, ImportResult result) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            List<String> header = parser.getHeaderNames();
            ProgressBar bar = new ProgressBar("products", 0, "products");
            List<CSVRecord> chunk = new ArrayList<>(batch);
            long done = 0;
            for (CSVRecord row : parser) {
                chunk.add(row);
                if (chunk.size() == batch) {
                    sendCsv(header, chunk, result);
                    done += chunk.size();
                    bar.update(done);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                sendCsv(header, chunk, result);
                bar.update(done + chunk.size());
            }
            bar.finish();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void sendCsv(List<String> header, List<CSVRecord> rows, ImportResult result) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (CSVRecord row : rows) {
                printer.printRecord((Object[]) row.values());
            }
        }
        record(client.post(PRODUCTS_PATH, "text/csv", text.toString()), rows.size(), result);
    }

    /** Adds a batch's outcome: the counts the service reported, or the whole batch as rejected on an error. */
    void record(SuiteClient.Response response, int size, ImportResult result) {
        result.sent += size;
        if (!response.ok()) {
            result.rejected += size;
            result.failedBatches++;
            result.error("HTTP " + response.status() + ": " + response.body());
            return;
        }
        Map<String, Long> counts = ResponseCounts.parse(mapper, response.body());
        long accepted = counts.getOrDefault("accepted", -1L);
        long duplicates = counts.getOrDefault("duplicates", 0L);
        long rejected = counts.getOrDefault("rejected", 0L);
        result.accepted += accepted >= 0 ? accepted : Math.max(0, size - duplicates - rejected);
        result.duplicates += duplicates;
        result.rejected += rejected;
    }

    private static long countLines(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
