package dev.aisle.search.query;

import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.index.ProductSuggester;
import dev.aisle.search.index.SearchPage;
import dev.aisle.search.index.SearchSort;
import dev.aisle.search.index.TitleHighlighter;
import dev.aisle.search.ranking.CrossEncoderReranker;
import dev.aisle.search.ranking.RankedProduct;
import dev.aisle.search.ranking.TextEncoder;
import dev.aisle.search.rerank.EncoderProvider;
import dev.aisle.search.rerank.RankingProperties;
import dev.aisle.support.error.BadRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Runs a search: BM25 with filters and exact facets; for relevance order, hybrid retrieval (BM25 top-N ∪ vector
 * top-N) fused by {@link HybridReranker} within a time budget (BM25 order, flagged, when it fails or runs late);
 * vector retrieval when BM25 finds nothing; a spelling suggestion; a search event.
 *
 * <p>The query is encoded on a worker thread while the BM25 search and facet counting run on the request thread;
 * the vector neighbours are then added to the BM25 hits already in hand (not searched again), and only the page
 * served is highlighted.
 */
@Service
public class SearchService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final ProductIndex index;
    private final ProductSuggester suggester;
    private final EncoderProvider encoders;
    private final RankingProperties ranking;
    private final SearchEvents events;
    private final ExecutorService rerankers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "search-rerank");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param index the product index
     * @param suggester records queries that found products (autocomplete)
     * @param encoders the query encoder and optional cross-encoder
     * @param ranking reranking settings
     * @param events where searches are reported
     */
    public SearchService(ProductIndex index, ProductSuggester suggester, EncoderProvider encoders,
            RankingProperties ranking, SearchEvents events) {
        this.index = index;
        this.suggester = suggester;
        this.encoders = encoders;
        this.ranking = ranking;
        this.events = events;
    }

    public SearchResponse search(SearchRequest r, String userId, String sessionId) {
        long start = System.nanoTime();
        ProductQuery query = toQuery(r);
        int need = (r.page() + 1) * r.size();
        boolean wantRerank = r.rerank() && query.hasText() && query.sort() == SearchSort.RELEVANCE;
        Optional<TextEncoder> encoder = query.hasText() ? encoders.readyQueryEncoder() : Optional.empty();
        Future<HybridRetrieval.QueryEmbedding> queryVector = wantRerank && encoder.isPresent()
                ? rerankers.submit(() -> HybridRetrieval.embed(index, encoder.get(), query.text())) : null;
        try {
            SearchPage page = index.search(query, Math.max(need, wantRerank ? ranking.depth() : 0), false, true,
                    false);
            List<ProductHit> ordered = page.hits();
            String retrieval = "bm25";
            boolean reranked = false;
            String fallback = null;
            if (page.total() == 0 && query.hasText()) {
                if (encoder.isPresent()) {
                    float[] vector = queryVector != null ? vectorWithin(queryVector, start).vector()
                            : encoder.get().encode(query.text());
                    ProductQuery filters = new ProductQuery(null, query.category(), query.brand(), query.minPrice(),
                            query.maxPrice(), query.inStock(), SearchSort.RELEVANCE);
                    ordered = index.nearest(filters, vector, need).hits();
                    retrieval = "semantic";
                }
            } else if (wantRerank) {
                if (queryVector == null) {
                    fallback = encoders.failure();
                } else {
                    try {
                        ordered = rerank(query, page, vectorWithin(queryVector, start), start);
                        reranked = true;
                        retrieval = "hybrid";
                    } catch (TimeoutException e) {
                        fallback = "timeout after " + ranking.timeBudgetMs() + " ms";
                    } catch (RuntimeException | ExecutionException e) {
                        fallback = "reranker failed: " + rootMessage(e);
                        log.warn("Reranking failed; serving BM25 order", e);
                    }
                }
            }
            String didYouMean = query.hasText() ? index.didYouMean(query.text()) : null;
            int from = Math.min(ordered.size(), r.page() * r.size());
            List<ProductHit> served = ordered.subList(from, Math.min(ordered.size(), from + r.size()));
            TitleHighlighter highlighter = query.hasText() && !served.isEmpty() ? index.highlighter(query) : null;
            List<SearchResponse.Hit> hits = served.stream()
                    .map(h -> new SearchResponse.Hit(h.id(), h.title(), h.brand(), h.price(), h.score(),
                            highlighter == null ? h.title() : highlighter.highlight(h.title())))
                    .toList();
            long total = "semantic".equals(retrieval) ? ordered.size() : page.total();
            if (query.hasText()) {
                events.report(query.text(), total, userId, sessionId);
                if (page.total() > 0) {
                    suggester.recordQuery(query.text());
                }
            }
            return new SearchResponse(query.text(), total, r.page(), r.size(),
                    (System.nanoTime() - start) / 1_000_000, hits, page.facets(), didYouMean, reranked, fallback,
                    retrieval);
        } catch (TimeoutException | ExecutionException e) {
            // the zero-result fallback could not encode the query in time: an empty page, as plain BM25 gives
            log.warn("Semantic fallback unavailable: {}", rootMessage(e));
            return new SearchResponse(query.text(), 0, r.page(), r.size(), (System.nanoTime() - start) / 1_000_000,
                    List.of(), Map.of(), index.didYouMean(query.text()), false, rootMessage(e), "bm25");
        } finally {
            if (queryVector != null) {
                queryVector.cancel(true);
            }
        }
    }

    public List<String> suggest(String prefix, int n) {
        return suggester.suggest(prefix, n);
    }

    /** The query vector, waiting at most until the time budget (counted from the request's start) runs out. */
    private HybridRetrieval.QueryEmbedding vectorWithin(Future<HybridRetrieval.QueryEmbedding> vector, long start)
            throws TimeoutException, ExecutionException {
        try {
            return vector.get(remainingNanos(start), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    private long remainingNanos(long start) {
        return Math.max(0, TimeUnit.MILLISECONDS.toNanos(ranking.timeBudgetMs()) - (System.nanoTime() - start));
    }

    /**
     * The BM25 top N joined with the query's vector neighbours and fused (or scored by the configured
     * cross-encoder); then the rest of the BM25 hits in BM25 order.
     */
    private List<ProductHit> rerank(ProductQuery query, SearchPage bm25, HybridRetrieval.QueryEmbedding embedding,
            long start) throws TimeoutException, ExecutionException {
        float[] vector = embedding.vector();
        List<String> top = bm25.hits().subList(0, Math.min(ranking.depth(), bm25.hits().size())).stream()
                .map(ProductHit::id).toList();
        SearchPage candidates = index.hybridCandidates(query, top, vector, ranking.depth(),
                ranking.trigramWeight().floatValue());
        Optional<CrossEncoderReranker> crossEncoder = encoders.crossEncoder();
        List<ProductHit> reranked;
        if (crossEncoder.isPresent()) {
            Future<List<RankedProduct>> scored = rerankers.submit(
                    () -> crossEncoder.get().rerank(query.text(), HybridRetrieval.candidates(candidates)));
            try {
                reranked = HybridRetrieval.order(candidates, scored.get(remainingNanos(start), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted");
            } finally {
                scored.cancel(true);
            }
        } else {
            reranked = HybridRetrieval.fuse(index, embedding.corrected(), candidates, vector, ranking.lexicalWeight(),
                    ranking.titleMatchWeights());
        }
        Map<String, ProductHit> ordered = new LinkedHashMap<>();
        reranked.forEach(hit -> ordered.put(hit.id(), hit));
        for (ProductHit hit : bm25.hits()) {
            ordered.putIfAbsent(hit.id(), hit);
        }
        return List.copyOf(ordered.values());
    }

    private static ProductQuery toQuery(SearchRequest r) {
        boolean hasText = r.q() != null && !r.q().isBlank();
        boolean hasFilter = notBlank(r.category()) || notBlank(r.brand()) || r.minPrice() != null
                || r.maxPrice() != null || r.inStock() != null;
        if (!hasText && !hasFilter) {
            throw new BadRequestException("Give a query (q) or at least one filter");
        }
        if (r.minPrice() != null && r.maxPrice() != null && r.minPrice() > r.maxPrice()) {
            throw new BadRequestException("minPrice " + r.minPrice() + " exceeds maxPrice " + r.maxPrice());
        }
        SearchSort sort = SearchSort.valueOf(r.sort().toUpperCase(Locale.ROOT));
        return new ProductQuery(hasText ? r.q().strip() : null, r.category(), r.brand(), r.minPrice(), r.maxPrice(),
                r.inStock(), sort);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void destroy() {
        rerankers.shutdownNow();
    }
}
