package dev.aisle.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SearchEventReporterTests {

    @Test
    void postsASearchEventWithItsResultCount() throws Exception {
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/events", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        SearchEventReporter reporter = new SearchEventReporter(new SearchEventProperties(
                "http://127.0.0.1:" + server.getAddress().getPort(), true, 10, 2000L), JsonMapper.builder().build());
        try {
            reporter.report("basketball shoes", 7, null, "s-1");
            String body = bodies.poll(10, TimeUnit.SECONDS);
            assertThat(body).contains("\"type\":\"search\"").contains("\"query\":\"basketball shoes\"")
                    .contains("\"resultCount\":7").contains("\"sessionId\":\"s-1\"").contains("\"eventId\":");
        } finally {
            reporter.destroy();
            server.stop(0);
        }
    }

    @Test
    void dropsReportsRatherThanBlockingWhenTheQueueIsFull() {
        SearchEventReporter reporter = new SearchEventReporter(new SearchEventProperties(
                "http://127.0.0.1:9", true, 1, 200L), JsonMapper.builder().build());
        try {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                reporter.report("q" + i, 0, "u-1", null);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            assertThat(reporter.droppedCount()).isGreaterThan(0);
        } finally {
            reporter.destroy();
        }
    }
}
