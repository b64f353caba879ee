package dev.aisle.behavior.event;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.simulator.ShopSimulator;
import dev.aisle.simulator.SimulationParameters;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code aisle bench ingest}: posts simulator events as NDJSON batches to a running behavior-service from a few
 * concurrent clients and reports events per second and the acknowledgement latency of the batches (p50, p99,
 * max). Event and session ids get a per-run prefix so every run stores new events. Every payload is generated and
 * serialised before the clock starts, so the load source does not compete with the service for the measured cores
 * while posting; the client's own CPU time while posting is reported beside the rate.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Post simulator events in batches to a running behavior-service; report events/s and p99.")
public class IngestBenchCommand implements Callable<Integer> {

    @Option(names = "--url", description = "behavior-service base URL (default ${DEFAULT-VALUE}).")
    String url = System.getenv().getOrDefault("AISLE_BEHAVIOR_URL", "http://localhost:8083");

    @Option(names = "--events", description = "Events to post (default ${DEFAULT-VALUE}).")
    long events = 1_000_000;

    @Option(names = "--batch", description = "Events per request (default ${DEFAULT-VALUE}).")
    int batch = 1_000;

    @Option(names = "--clients", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients = 4;

    @Option(names = "--seed", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--run-id", description = "Prefix of event and session ids (default: the current time).")
    String runId = "b" + System.currentTimeMillis() + "-";

    private final JsonMapper json = JsonMapper.builder().build();

    /** For picocli. */
    public IngestBenchCommand() {
    }

    @Override
    public Integer call() throws Exception {
        int users = (int) Math.max(10, events / 95);
        Iterator<BehaviorEvent> source = new ShopSimulator(SimulationParameters.defaults().withUsers(users)
                .withSeed(seed)).eventIterator();
        List<byte[]> bodies = new ArrayList<>();
        long sent = 0;
        while (sent < events && source.hasNext()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(batch * 300);
            for (int i = 0; i < batch && sent < events && source.hasNext(); i++, sent++) {
                BehaviorEvent e = source.next();
                BehaviorEvent renamed = new BehaviorEvent(runId + e.eventId(), e.type(), e.userId(),
                        e.sessionId() == null ? null : runId + e.sessionId(), e.productId(), e.query(),
                        e.resultCount(), e.quantity(), e.value(), e.timestamp(), e.properties());
                body.write(json.writeValueAsBytes(renamed));
                body.write('\n');
            }
            bodies.add(body.toByteArray());
        }
        Queue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        bodies = null;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (byte[] body = queue.poll(); body != null; body = queue.poll()) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                                    + "/api/v1/events")).header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    JsonNode result = json.readTree(response.body());
                    accepted.addAndGet(result.get("accepted").asLong());
                    duplicates.addAndGet(result.get("duplicates").asLong());
                    rejected.addAndGet(result.get("rejected").asLong());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double clientCpu = (processCpuNanos() - cpuStart) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("posted %,d events in %,d batches of %d with %d clients to %s in %.1f s%n", sent,
                sorted.size(), batch, clients, url, seconds);
        System.out.printf("accepted %,d, duplicates %,d, rejected %,d%n", accepted.get(), duplicates.get(),
                rejected.get());
        System.out.printf("throughput %,.0f events/s; batch ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sent / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1));
        System.out.printf("client CPU while posting %.1f s (payloads generated and serialised before the clock)%n",
                clientCpu);
        return 0;
    }

    /** CPU time of this JVM (all threads), or 0 where the platform does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
}
