package dev.aisle.search.index;

import java.util.List;
import java.util.Map;

/**
 * What one search returned.
 *
 * @param hits hits in result order (for hybrid retrieval, BM25 hits followed by vector-only hits)
 * @param vectors embedding of each hit, parallel to {@code hits} ({@code null} entries when absent or not asked)
 * @param total number of products matching text and filters (exact)
 * @param facets facet dimension → values with exact counts
 */
public record SearchPage(List<ProductHit> hits, List<float[]> vectors, long total,
        Map<String, List<FacetValue>> facets) {
}
