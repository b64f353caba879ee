package dev.aisle.simulator;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.product.Product;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import tools.jackson.databind.json.JsonMapper;

/** Writes a simulation to files: products as one JSON array, events as NDJSON (one event per line). */
public final class SimulationWriter {

    /** Name of the products file inside an output folder. */
    public static final String PRODUCTS_FILE = "products.json";

    /** Name of the events file inside an output folder. */
    public static final String EVENTS_FILE = "events.ndjson";

    /** How often (in events) progress is reported. */
    public static final int PROGRESS_EVERY = 10_000;

    private final JsonMapper mapper;

    public SimulationWriter() {
        this(JsonMapper.builder().build());
    }

    public SimulationWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * What was written.
     *
     * @param productsFile the products file
     * @param products how many products
     * @param eventsFile the events file
     * @param events how many events
     */
    public record Summary(Path productsFile, long products, Path eventsFile, long events) {}

    /**
     * Writes the simulator's products and events into {@code folder} (created when missing).
     *
     * @param progress called with the number of events written so far, every {@link #PROGRESS_EVERY} events
     */
    public Summary write(ShopSimulator simulator, Path folder, LongConsumer progress) {
        try {
            Files.createDirectories(folder);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Path productsFile = folder.resolve(PRODUCTS_FILE);
        Path eventsFile = folder.resolve(EVENTS_FILE);
        long products = writeProducts(simulator.products(), productsFile);
        long events = writeEvents(simulator.eventIterator(), eventsFile, progress);
        return new Summary(productsFile, products, eventsFile, events);
    }

    /** Writes products as a JSON array; returns how many. */
    public long writeProducts(List<Product> products, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            mapper.writeValue(out, products);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return products.size();
    }

    /** Writes events as NDJSON; returns how many. */
    public long writeEvents(Iterator<BehaviorEvent> events, Path file, LongConsumer progress) {
        long count = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            while (events.hasNext()) {
                out.write(mapper.writeValueAsString(events.next()));
                out.write('\n');
                if (++count % PROGRESS_EVERY == 0) {
                    progress.accept(count);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        progress.accept(count);
        return count;
    }

    /** One event as a single JSON line (without the newline). */
    public String line(BehaviorEvent event) {
        return mapper.writeValueAsString(event);
    }
}
