package dev.aisle.search.indexing;

import dev.aisle.common.product.Product;
import dev.aisle.search.catalog.ProductRepository;
import dev.aisle.search.catalog.ProductsChangedEvent;
import dev.aisle.search.index.IndexedProduct;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductSuggester;
import dev.aisle.search.ranking.CachingEncoder;
import dev.aisle.search.rerank.EncoderProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies committed catalogue changes to the index on one background thread (near real time: a change is
 * searchable once its batch is embedded and the searcher refreshed) and runs full rebuilds from
 * {@code catalog.products} on the same thread, so writes never interleave.
 */
@Component
public class CatalogIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);

    private final ProductRepository products;
    private final ProductIndex index;
    private final ProductSuggester suggester;
    private final EncoderProvider encoders;
    private final IndexProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "catalog-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong rebuilt = new AtomicLong();

    CatalogIndexer(ProductRepository products, ProductIndex index, ProductSuggester suggester,
            EncoderProvider encoders, IndexProperties properties) {
        this.products = products;
        this.index = index;
        this.suggester = suggester;
        this.encoders = encoders;
        this.properties = properties;
    }

    @EventListener
    void onProductsChanged(ProductsChangedEvent event) {
        List<String> ids = List.copyOf(event.ids());
        worker.submit(() -> apply(ids));
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        worker.submit(() -> {
            if (index.size() == 0 && products.count() > 0) {
                rebuild();
            } else {
                suggester.rebuild(index.titles());
            }
        });
    }

    /** Starts a full rebuild; false when one is already running. */
    public boolean startRebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        worker.submit(this::rebuild);
        return true;
    }

    /** Whether a rebuild is running, and how many products it has indexed. */
    public RebuildStatus status() {
        return new RebuildStatus(rebuilding.get(), rebuilt.get(), index.size());
    }

    /** Waits until every change submitted so far is searchable (tests, CLI). */
    public boolean awaitIdle(long timeoutMs) {
        Future<?> marker = worker.submit(() -> { });
        try {
            marker.get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void apply(List<String> ids) {
        try {
            List<Product> current = products.findAllById(ids);
            Set<String> present = new HashSet<>();
            current.forEach(p -> present.add(p.id()));
            index.delete(ids.stream().filter(id -> !present.contains(id)).toList());
            List<IndexedProduct> plain = current.stream().map(CatalogIndexer::toIndexed).toList();
            // lexically searchable at once; the vectors (the slow part) follow in a second commit
            index.upsert(plain);
            index.commitAndRefresh();
            suggester.add(plain.stream().map(IndexedProduct::title).toList());
            List<IndexedProduct> embedded = embed(plain);
            if (embedded != plain) {
                index.upsert(embedded);
                index.commitAndRefresh();
            }
        } catch (RuntimeException e) {
            log.error("Indexing {} changed product(s) failed", ids.size(), e);
        }
    }

    private void rebuild() {
        rebuilding.set(true);
        rebuilt.set(0);
        long start = System.nanoTime();
        long total = products.count();
        try {
            log.info("Rebuilding the search index from catalog.products ({} products)", total);
            index.deleteAll();
            products.forEachBatch(properties.batchSize(), batch -> {
                index.upsert(embed(batch.stream().map(CatalogIndexer::toIndexed).toList()));
                long done = rebuilt.addAndGet(batch.size());
                double seconds = (System.nanoTime() - start) / 1e9;
                log.info("Reindex progress: {}/{} products ({} products/s)", done, total,
                        Math.round(done / Math.max(seconds, 1e-3)));
            });
            index.commitAndRefresh();
            suggester.rebuild(index.titles());
            log.info("Search index rebuilt: {} products in {} ms", rebuilt.get(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Search index rebuild failed", e);
        } finally {
            rebuilding.set(false);
        }
    }

    private List<IndexedProduct> embed(List<IndexedProduct> docs) {
        Optional<CachingEncoder> encoder = encoders.encoder();
        if (encoder.isEmpty() || docs.isEmpty()) {
            return docs;
        }
        try {
            float[][] vectors = encoder.get().encode(docs.stream().map(IndexedProduct::embeddingText).toList());
            return java.util.stream.IntStream.range(0, docs.size())
                    .mapToObj(i -> docs.get(i).withVector(vectors[i])).toList();
        } catch (RuntimeException e) {
            log.warn("Embedding {} products failed; indexing them without vectors", docs.size(), e);
            return docs;
        }
    }

    static IndexedProduct toIndexed(Product p) {
        return new IndexedProduct(p.id(), p.title(), p.description(), p.brand(), p.categoryPath(),
                p.price() == null ? null : p.price().doubleValue(), p.inStock(), p.language(),
                p.createdAt() == null ? 0 : p.createdAt().toEpochMilli(), null);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** Progress of a rebuild. */
    public record RebuildStatus(boolean running, long indexed, int indexSize) {
    }
}
