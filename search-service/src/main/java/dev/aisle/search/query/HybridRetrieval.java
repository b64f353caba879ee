package dev.aisle.search.query;

import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.index.SearchPage;
import dev.aisle.search.ranking.Candidate;
import dev.aisle.search.ranking.HybridReranker;
import dev.aisle.search.ranking.RankedProduct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid ranking as the service serves it and the offline evaluation measures it (one code path): the BM25 top N
 * joined with the query's vector neighbours ({@link ProductIndex#hybridCandidates}: lexical score = BM25 of the text
 * query + trigram weight × BM25 of title trigrams), fused by {@link HybridReranker} (per-query min-max,
 * {@code w · lexical + (1 − w) · cosine}).
 */
public final class HybridRetrieval {

    private HybridRetrieval() {
    }

    /**
     * The fused order of {@code ids} (e.g. the BM25 top N) and the {@code k} nearest products to {@code vector}.
     *
     * @param lexicalWeight {@code w}, weight of the normalised lexical score
     * @param gramWeight weight of the title-trigram BM25 inside the lexical score
     */
    public static List<ProductHit> rank(ProductIndex index, ProductQuery query, List<String> ids, float[] vector,
            int k, double lexicalWeight, float gramWeight) {
        SearchPage page = index.hybridCandidates(query, ids, vector, k, gramWeight);
        return fuse(page, vector, lexicalWeight);
    }

    /** The candidates of a page, with the page's vectors. */
    public static List<Candidate> candidates(SearchPage page) {
        List<Candidate> candidates = new ArrayList<>(page.hits().size());
        for (int i = 0; i < page.hits().size(); i++) {
            ProductHit hit = page.hits().get(i);
            candidates.add(new Candidate(hit.id(), hit.title(), hit.score(), page.vectors().get(i)));
        }
        return candidates;
    }

    /** The page's hits in fused order, each carrying its fused score. */
    public static List<ProductHit> fuse(SearchPage page, float[] vector, double lexicalWeight) {
        return order(page, HybridReranker.fuse(vector, candidates(page), lexicalWeight));
    }

    /** The page's hits in the order of a reranking, each carrying its new score. */
    public static List<ProductHit> order(SearchPage page, List<RankedProduct> ranked) {
        Map<String, ProductHit> byId = new HashMap<>();
        page.hits().forEach(hit -> byId.put(hit.id(), hit));
        List<ProductHit> ordered = new ArrayList<>(ranked.size());
        for (RankedProduct r : ranked) {
            ordered.add(byId.get(r.id()).withScore(r.score()));
        }
        return ordered;
    }
}
