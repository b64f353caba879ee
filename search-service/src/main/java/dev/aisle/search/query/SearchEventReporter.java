package dev.aisle.search.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports each search to behavior-service as a {@code search} event ({@code POST /api/v1/events}) from a bounded
 * queue on a background thread: a full queue or an unreachable service drops the report, never the search.
 */
@Component
class SearchEventReporter implements SearchEvents, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchEventReporter.class);

    private final SearchEventProperties properties;
    private final JsonMapper json;
    private final BlockingQueue<Map<String, Object>> queue;
    private final HttpClient http;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    SearchEventReporter(SearchEventProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(properties.timeoutMs())).build();
        this.sender = new Thread(this::run, "search-event-reporter");
        this.sender.setDaemon(true);
        if (properties.enabled()) {
            this.sender.start();
        }
    }

    /** Queues a report; returns at once. */
    @Override
    public void report(String query, long resultCount, String userId, String sessionId) {
        if (!properties.enabled()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "search");
        event.put("userId", userId);
        event.put("sessionId", sessionId);
        event.put("query", query);
        event.put("resultCount", (int) Math.min(Integer.MAX_VALUE, resultCount));
        event.put("timestamp", Instant.now().toString());
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    long sentCount() {
        return sent.get();
    }

    long droppedCount() {
        return dropped.get();
    }

    private void run() {
        URI uri = URI.create(properties.behaviorUrl().replaceAll("/+$", "") + "/api/v1/events");
        while (!Thread.currentThread().isInterrupted()) {
            Map<String, Object> event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMillis(properties.timeoutMs()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event)))
                        .build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    sent.incrementAndGet();
                } else {
                    dropped.incrementAndGet();
                    log.debug("behavior-service answered {} to a search event", response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                dropped.incrementAndGet();
                log.debug("Search event not delivered: {}", e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        sender.interrupt();
    }
}
