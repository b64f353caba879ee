package dev.aisle.gateway.fallback;

import dev.aisle.gateway.downstream.DownstreamProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The popular items the gateway serves when recommend-service fails, refreshed every
 * {@code aisle.gateway.fallback.popular-refresh} from {@code GET /api/v1/recommendations/popular?n=...}. A failed
 * refresh keeps the last good list.
 */
@Component
public class PopularItemsCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PopularItemsCache.class);

    /** One cached item, in the recommendation response's item shape. */
    public record Item(String itemId, double score, String reason) {
    }

    /** The cached list and when it was fetched. */
    public record Snapshot(List<Item> items, Instant fetchedAt) {
    }

    record PopularResponse(List<Item> items) {
    }

    private final WebClient client;
    private final FallbackProperties properties;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile Disposable schedule;

    public PopularItemsCache(DownstreamProperties downstream, FallbackProperties properties) {
        this.client = WebClient.builder().baseUrl(downstream.recommendUrl().toString()).build();
        this.properties = properties;
    }

    /** The last good list, or null before the first successful refresh. */
    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** Fetches the popular list once; completes empty (keeping the old list) when recommend-service fails. */
    public Mono<Snapshot> refresh() {
        return client.get()
                .uri(uri -> uri.path("/api/v1/recommendations/popular").queryParam("n", properties.popularSize())
                        .build())
                .header("X-Request-Id", "gateway-popular-refresh")
                .retrieve()
                .bodyToMono(PopularResponse.class)
                .timeout(Duration.ofSeconds(5))
                .filter(response -> response.items() != null && !response.items().isEmpty())
                .map(response -> new Snapshot(List.copyOf(response.items()), Instant.now()))
                .doOnNext(fresh -> {
                    snapshot.set(fresh);
                    log.debug("cached {} popular items for the recommendation fallback", fresh.items().size());
                })
                .onErrorResume(e -> {
                    log.debug("popular list refresh failed, keeping the previous one: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void start() {
        schedule = Flux.interval(Duration.ZERO, properties.popularRefresh())
                .onBackpressureDrop()
                .concatMap(tick -> refresh())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
