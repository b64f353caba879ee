package dev.aisle.search.query;

import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.index.ProductSuggester;
import dev.aisle.search.index.SearchPage;
import dev.aisle.search.index.SearchSort;
import dev.aisle.search.ranking.Candidate;
import dev.aisle.search.ranking.CrossEncoderReranker;
import dev.aisle.search.ranking.HybridReranker;
import dev.aisle.search.ranking.RankedProduct;
import dev.aisle.search.ranking.TextEncoder;
import dev.aisle.search.rerank.EncoderProvider;
import dev.aisle.search.rerank.RankingProperties;
import dev.aisle.support.error.BadRequestException;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Runs a search: BM25 with filters and facets; for relevance order, hybrid retrieval (BM25 top-N ∪ vector top-N)
 * fused by {@link HybridReranker} within a time budget (BM25 order, flagged, when it fails or runs late); vector
 * retrieval when BM25 finds nothing; a spelling suggestion; a search event.
 */
@Service
public class SearchService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final ProductIndex index;
    private final ProductSuggester suggester;
    private final EncoderProvider encoders;
    private final RankingProperties ranking;
    private final SearchEventReporter events;
    private final ExecutorService rerankers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "search-rerank");
        thread.setDaemon(true);
        return thread;
    });

    SearchService(ProductIndex index, ProductSuggester suggester, EncoderProvider encoders, RankingProperties ranking,
            SearchEventReporter events) {
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
        SearchPage page = index.search(query, Math.max(need, wantRerank ? ranking.depth() : 0), false, true);
        List<ProductHit> ordered = page.hits();
        String retrieval = "bm25";
        boolean reranked = false;
        String fallback = null;
        if (page.total() == 0 && query.hasText()) {
            Optional<TextEncoder> encoder = encoders.readyQueryEncoder();
            if (encoder.isPresent()) {
                ProductQuery filters = new ProductQuery(null, query.category(), query.brand(), query.minPrice(),
                        query.maxPrice(), query.inStock(), SearchSort.RELEVANCE);
                ordered = index.nearest(filters, encoder.get().encode(query.text()), need).hits();
                retrieval = "semantic";
            }
        } else if (wantRerank) {
            Optional<TextEncoder> encoder = encoders.readyQueryEncoder();
            if (encoder.isEmpty()) {
                fallback = encoders.failure();
            } else {
                try {
                    ordered = rerankWithinBudget(query, page.hits(), encoder.get());
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
        List<SearchResponse.Hit> hits = ordered.subList(from, Math.min(ordered.size(), from + r.size())).stream()
                .map(h -> new SearchResponse.Hit(h.id(), h.title(), h.brand(), h.price(), h.score(), h.highlight()))
                .toList();
        long total = "semantic".equals(retrieval) ? ordered.size() : page.total();
        if (query.hasText()) {
            events.report(query.text(), total, userId, sessionId);
            if (page.total() > 0) {
                suggester.recordQuery(query.text());
            }
        }
        return new SearchResponse(query.text(), total, r.page(), r.size(), (System.nanoTime() - start) / 1_000_000,
                hits, page.facets(), didYouMean, reranked, fallback, retrieval);
    }

    public List<String> suggest(String prefix, int n) {
        return suggester.suggest(prefix, n);
    }

    private List<ProductHit> rerankWithinBudget(ProductQuery query, List<ProductHit> bm25, TextEncoder encoder)
            throws TimeoutException, ExecutionException {
        Future<List<ProductHit>> future = rerankers.submit(() -> rerank(query, bm25, encoder));
        try {
            return future.get(ranking.timeBudgetMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } finally {
            future.cancel(true);
        }
    }

    private List<ProductHit> rerank(ProductQuery query, List<ProductHit> bm25, TextEncoder encoder) {
        float[] vector = encoder.encode(query.text());
        SearchPage union = index.hybrid(query, ranking.depth(), vector, ranking.depth());
        List<Candidate> candidates = new ArrayList<>();
        Map<String, ProductHit> byId = new HashMap<>();
        for (int i = 0; i < union.hits().size(); i++) {
            ProductHit hit = union.hits().get(i);
            byId.put(hit.id(), hit);
            candidates.add(new Candidate(hit.id(), hit.title(), hit.score(), union.vectors().get(i)));
        }
        Optional<CrossEncoderReranker> crossEncoder = encoders.crossEncoder();
        List<RankedProduct> reranked = crossEncoder.isPresent()
                ? crossEncoder.get().rerank(query.text(), candidates)
                : HybridReranker.fuse(vector, candidates, ranking.lexicalWeight());
        Map<String, ProductHit> ordered = new LinkedHashMap<>();
        for (RankedProduct ranked : reranked) {
            ordered.put(ranked.id(), byId.get(ranked.id()).withScore(ranked.score()));
        }
        for (ProductHit hit : bm25) {
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
