package dev.aisle.search.query;

import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.index.SearchPage;
import dev.aisle.search.index.TitleMatch;
import dev.aisle.search.ranking.Candidate;
import dev.aisle.search.ranking.HybridReranker;
import dev.aisle.search.ranking.RankedProduct;
import dev.aisle.search.ranking.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid ranking as the service serves it and the offline evaluation measures it (one code path): the BM25 top N
 * joined with the query's vector neighbours ({@link ProductIndex#hybridCandidates}: lexical score = BM25 of the text
 * query + trigram weight × BM25 of title trigrams), fused by {@link HybridReranker} (per-query min-max,
 * {@code w · lexical + (1 − w) · cosine}) plus weighted {@link TitleMatch} features of the spelling-corrected query
 * (term coverage, numbers, term order, head word), with the query embedding averaged over the query and its
 * spelling-corrected form ({@link #queryVector}).
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
            int k, double lexicalWeight, float gramWeight, TitleMatchWeights matchWeights) {
        SearchPage page = index.hybridCandidates(query, ids, vector, k, gramWeight);
        return fuse(index, index.correctSpelling(query.text()), page, vector, lexicalWeight, matchWeights);
    }

    /**
     * The page's hits in fused order, each carrying its fused score plus its weighted title-match features
     * ({@link TitleMatch}, computed on the page's titles only).
     *
     * @param corrected the query text after spelling correction ({@link #embed})
     */
    public static List<ProductHit> fuse(ProductIndex index, String corrected, SearchPage page, float[] vector,
            double lexicalWeight, TitleMatchWeights matchWeights) {
        return order(page, HybridReranker.fuse(vector, candidates(page), lexicalWeight,
                bonus(index, corrected, page.hits().stream().map(ProductHit::title).toList(), matchWeights)));
    }

    /**
     * The weighted title-match features of each title for the (spelling-corrected) query text, or {@code null} when
     * every weight is 0.
     */
    public static double[] bonus(ProductIndex index, String corrected, List<String> titles,
            TitleMatchWeights weights) {
        if (weights == null || !weights.any() || corrected == null || corrected.isBlank()) {
            return null;
        }
        TitleMatch match = index.titleMatch(corrected);
        double[] bonus = new double[titles.size()];
        for (int i = 0; i < bonus.length; i++) {
            double[] f = match.score(titles.get(i));
            bonus[i] = weights.coverage() * f[0] + weights.numbers() * f[1] + weights.order() * f[2]
                    + weights.head() * f[3];
        }
        return bonus;
    }

    /**
     * A query's text after spelling correction (what the title-match features read) and its embedding for hybrid
     * ranking ({@link #queryVector}).
     */
    public record QueryEmbedding(String corrected, float[] vector) {
    }

    /** Corrects the query's spelling once and embeds it; the service runs this off the request thread. */
    public static QueryEmbedding embed(ProductIndex index, TextEncoder encoder, String text) {
        String corrected = index.correctSpelling(text);
        return new QueryEmbedding(corrected, queryVector(encoder, text, corrected));
    }

    /**
     * The query's embedding for hybrid ranking: {@code e(q)}, or, when spelling correction changes the query
     * ({@link ProductIndex#correctSpelling}: {@code toliet seat} → {@code toilet seat}), the unit-length mean
     * {@code (e(q) + e(q')) / |e(q) + e(q')|}: MiniLM's word pieces of a misspelt word are noise, the corrected word
     * may be a wrong guess, and the mean keeps what both agree on. Both are encoded in one batch.
     */
    public static float[] queryVector(TextEncoder encoder, String text, String corrected) {
        if (corrected == null || corrected.equals(text)) {
            return encoder.encode(text);
        }
        float[][] both = encoder.encode(List.of(text, corrected));
        return mean(both[0], both[1]);
    }

    /** The unit-length mean of two vectors. */
    public static float[] mean(float[] a, float[] b) {
        float[] sum = new float[a.length];
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
            norm += sum[i] * sum[i];
        }
        double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= (float) scale;
        }
        return sum;
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
