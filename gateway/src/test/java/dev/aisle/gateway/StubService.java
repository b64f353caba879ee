package dev.aisle.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A small real HTTP server standing in for a downstream service: canned answers per path, recorded requests. */
public final class StubService implements AutoCloseable {

    /** One request the stub received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A canned answer. */
    public record Answer(int status, String contentType, String body, long delayMillis) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", body, 0);
        }
    }

    private final String name;
    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    private StubService(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub on a free port; unknown paths answer {@code {"service":"<name>","path":...}}. */
    public static StubService start(String name) {
        try {
            return new StubService(name);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubService answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public List<Received> received() {
        return received;
    }

    public Received lastReceived(String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).path().equals(path)) {
                return received.get(i);
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                Map.copyOf(exchange.getRequestHeaders())));
        Answer answer = answers.getOrDefault(path,
                Answer.json("{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}"));
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Stops the server: from now on connections to its port are refused. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
