package dev.aisle.search.rerank;

import dev.aisle.search.ranking.CachingEncoder;
import dev.aisle.search.ranking.CrossEncoderReranker;
import dev.aisle.search.ranking.MemoryEmbeddingCache;
import dev.aisle.search.ranking.MiniLmEncoder;
import dev.aisle.search.ranking.TextEncoder;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the text encoder on first use (a few seconds) and keeps it; product vectors go through a cache in
 * PostgreSQL keyed by text hash. When loading fails the service keeps working without vectors.
 */
@Component
public class EncoderProvider implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EncoderProvider.class);

    private final RankingProperties properties;
    private final JdbcTemplate jdbc;
    private volatile CachingEncoder encoder;
    private volatile String failure;
    private volatile CrossEncoderReranker crossEncoder;
    private volatile boolean crossEncoderTried;

    EncoderProvider(RankingProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * A provider holding an encoder loaded elsewhere (offline benchmarks): product vectors are cached in memory only,
     * and the cross-encoder, if configured, loads on first use as in the service.
     */
    public static EncoderProvider loaded(RankingProperties properties, TextEncoder encoder) {
        EncoderProvider provider = new EncoderProvider(properties, null);
        provider.encoder = new CachingEncoder(encoder, new MemoryEmbeddingCache());
        return provider;
    }

    /** The encoder, loading it if needed; empty when reranking is off or the model cannot be loaded. */
    public Optional<CachingEncoder> encoder() {
        if (!properties.enabled() || failure != null) {
            return Optional.empty();
        }
        if (encoder == null) {
            synchronized (this) {
                if (encoder == null && failure == null) {
                    load();
                }
            }
        }
        return Optional.ofNullable(encoder);
    }

    /** Loads the encoder in the background at start-up, so the first searches need not wait. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (properties.enabled()) {
            Thread loader = new Thread(this::encoder, "encoder-warm-up");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** The query encoder if it is loaded already; never waits for loading. */
    public Optional<TextEncoder> readyQueryEncoder() {
        CachingEncoder loaded = encoder;
        return loaded == null ? Optional.empty() : Optional.of(loaded.delegate());
    }

    /** Encoder for queries: no cache round trip. */
    public Optional<TextEncoder> queryEncoder() {
        return encoder().map(CachingEncoder::delegate);
    }

    /** The configured PyTorch cross-encoder, loaded on first use; empty when none is configured or it fails. */
    public Optional<CrossEncoderReranker> crossEncoder() {
        if (properties.crossEncoderPath().isBlank()) {
            return Optional.empty();
        }
        if (!crossEncoderTried) {
            synchronized (this) {
                if (!crossEncoderTried) {
                    try {
                        crossEncoder = CrossEncoderReranker.load(Path.of(properties.crossEncoderPath()),
                                properties.device(), properties.maxLength());
                        log.info("Loaded cross-encoder {}", properties.crossEncoderPath());
                    } catch (RuntimeException | LinkageError e) {
                        log.warn("Cross-encoder {} could not be loaded; using the fusion reranker",
                                properties.crossEncoderPath(), e);
                    }
                    crossEncoderTried = true;
                }
            }
        }
        return Optional.ofNullable(crossEncoder);
    }

    /** Why the encoder is unavailable, or {@code null}. */
    public String failure() {
        if (!properties.enabled()) {
            return "reranking disabled";
        }
        return failure != null ? failure : encoder == null ? "model loading" : null;
    }

    private void load() {
        long start = System.nanoTime();
        try {
            Path path = properties.modelPath().isBlank() ? null : Path.of(properties.modelPath());
            MiniLmEncoder miniLm = MiniLmEncoder.load(path, properties.device(), properties.maxLength(),
                    properties.intraOpThreads());
            encoder = new CachingEncoder(miniLm, new JdbcEmbeddingCache(jdbc));
            log.info("Loaded text encoder {} in {} ms", miniLm.modelName(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            failure = "model unavailable: " + e.getMessage();
            log.warn("Text encoder could not be loaded; searching without vectors", e);
        }
    }

    @Override
    public void destroy() {
        if (encoder != null) {
            encoder.close();
        }
        if (crossEncoder != null) {
            crossEncoder.close();
        }
    }
}
