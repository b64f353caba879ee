package dev.aisle.search.query;

import dev.aisle.search.index.FacetValue;
import java.util.List;
import java.util.Map;

/**
 * A page of search results.
 *
 * @param query the query text
 * @param total products matching text and filters
 * @param page page number from 0
 * @param size page size
 * @param tookMs time taken in milliseconds
 * @param hits the page's products
 * @param facets counts per facet value over all matching products
 * @param didYouMean a spelling correction of the query, or {@code null}
 * @param reranked whether the order comes from the reranker
 * @param rerankFallback why reranking was asked for but not applied, or {@code null}
 * @param retrieval {@code bm25}, {@code hybrid} (BM25 plus vector neighbours) or {@code semantic} (zero-result
 *     fallback to vector retrieval)
 */
public record SearchResponse(String query, long total, int page, int size, long tookMs, List<Hit> hits,
        Map<String, List<FacetValue>> facets, String didYouMean, boolean reranked, String rerankFallback,
        String retrieval) {

    /** One product found. */
    public record Hit(String id, String title, String brand, Double price, double score, String highlight) {
    }
}
