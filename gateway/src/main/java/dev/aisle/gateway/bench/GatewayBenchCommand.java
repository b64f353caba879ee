package dev.aisle.gateway.bench;

import com.sun.net.httpserver.HttpServer;
import dev.aisle.gateway.GatewayApplication;
import dev.aisle.gateway.access.CredentialStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the latency the gateway adds: calls the same endpoint {@code n} times directly and {@code n} times through
 * the gateway, alternating, one request at a time over keep-alive connections, and prints p50/p99 of both. With
 * {@code --stub} it starts a stub service and an in-process gateway in front of it, so it needs nothing running.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Latency the gateway adds (p50/p99 direct vs through the gateway).")
public class GatewayBenchCommand implements Callable<Integer> {

    private static final String STUB_BODY = "{\"items\":[{\"itemId\":\"p-1\",\"score\":1.0,\"reason\":\"bench\"}]}";

    @Option(names = "--direct", description = "Endpoint called directly, e.g. http://localhost:8082/api/v1/search?q=shoe")
    URI direct;

    @Option(names = "--gateway", description = "Same endpoint through the gateway, e.g. http://localhost:8080/api/v1/search?q=shoe")
    URI gateway;

    @Option(names = "--api-key", defaultValue = "${env:AISLE_DEMO_API_KEY}",
            description = "X-API-Key for the gateway (default: $AISLE_DEMO_API_KEY)")
    String apiKey;

    @Option(names = { "-n", "--requests" }, defaultValue = "2000", description = "Measured requests per side (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--warmup", defaultValue = "500", description = "Unmeasured requests per side first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--stub", description = "Start a stub service and an in-process gateway in front of it")
    boolean stub;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public GatewayBenchCommand() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GatewayBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (requests < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "requests must be ≥ 1 and warmup ≥ 0");
        }
        if (stub) {
            return runAgainstStub(out);
        }
        if (direct == null || gateway == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --direct and --gateway, or --stub");
        }
        return measure(out, direct, gateway, apiKey);
    }

    private int runAgainstStub(PrintWriter out) throws IOException, InterruptedException {
        // without TCP_NODELAY the stub's separate header and body writes meet delayed ACKs (≈40 ms stalls)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService stubThreads = Executors.newFixedThreadPool(4);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(stubThreads);
        byte[] body = STUB_BODY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String stubUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        String key = "bench-key";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.REACTIVE)
                // command-line arguments, so they win over application.yml and the environment
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--aisle.gateway.downstream.search-url=" + stubUrl,
                        "--aisle.gateway.downstream.recommend-url=" + stubUrl,
                        "--aisle.gateway.downstream.behavior-url=" + stubUrl,
                        "--aisle.gateway.api-keys[0].name=bench",
                        "--aisle.gateway.api-keys[0].key-hash=" + CredentialStore.sha256Hex(key),
                        "--aisle.gateway.api-keys[0].rate-limit=1000000");
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String path = "/api/v1/search?q=shoe";
            out.printf("stub service %s, in-process gateway on port %d (access log off)%n", stubUrl, port);
            return measure(out, URI.create(stubUrl + path), URI.create("http://127.0.0.1:" + port + path), key);
        }
        finally {
            context.close();
            server.stop(0);
            stubThreads.shutdownNow();
        }
    }

    private int measure(PrintWriter out, URI directUri, URI gatewayUri, String key)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest directRequest = HttpRequest.newBuilder(directUri).timeout(Duration.ofSeconds(30)).GET().build();
        HttpRequest.Builder viaGateway = HttpRequest.newBuilder(gatewayUri).timeout(Duration.ofSeconds(30)).GET();
        if (key != null && !key.isBlank()) {
            viaGateway.header("X-API-Key", key);
        }
        HttpRequest gatewayRequest = viaGateway.build();
        for (int i = 0; i < warmup; i++) {
            call(client, directRequest);
            call(client, gatewayRequest);
        }
        LatencySample directSample = new LatencySample(requests);
        LatencySample gatewaySample = new LatencySample(requests);
        for (int i = 0; i < requests; i++) {
            directSample.add(call(client, directRequest));
            gatewaySample.add(call(client, gatewayRequest));
        }
        out.printf("%d requests each (after %d warm-up), sequential, alternating%n", requests, warmup);
        out.printf("%-16s %9s %9s %9s %9s%n", "", "p50 ms", "p90 ms", "p99 ms", "mean ms");
        print(out, "direct", directSample);
        print(out, "through gateway", gatewaySample);
        out.printf("%-16s %9.3f %9s %9.3f%n", "added", gatewaySample.percentileMillis(50)
                - directSample.percentileMillis(50), "", gatewaySample.percentileMillis(99)
                - directSample.percentileMillis(99));
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String label, LatencySample sample) {
        out.printf("%-16s %9.3f %9.3f %9.3f %9.3f%n", label, sample.percentileMillis(50),
                sample.percentileMillis(90), sample.percentileMillis(99), sample.meanMillis());
    }

    private static long call(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() >= 400) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode());
        }
        return elapsed;
    }
}
