package dev.aisle.search.evaluation;

import dev.aisle.search.index.IndexSettings;
import dev.aisle.search.index.IndexedProduct;
import dev.aisle.search.index.ProductAnalyzers;
import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.index.SearchPage;
import dev.aisle.search.query.HybridRetrieval;
import dev.aisle.search.query.TitleMatchWeights;
import dev.aisle.search.ranking.Candidate;
import dev.aisle.search.ranking.HybridReranker;
import dev.aisle.search.ranking.RankedProduct;
import dev.aisle.search.ranking.TextEncoder;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Evaluates BM25, semantic (MiniLM cosine) and hybrid rankers on judged queries with the service's own index and
 * ranking code. {@code candidates}: each query ranks only its judged products; {@code catalog}: each query searches
 * every product of the file. Ties are broken by a seeded shuffle so input order never helps.
 */
final class SearchEvaluator {

    static final long SEED = 42;
    /** How deep catalog rankings go for condensed NDCG. */
    static final int CONDENSED_DEPTH = 500;

    private final TextEncoder encoder;
    private final IndexSettings settings;
    private final double lexicalWeight;
    private final int depth;
    private final float gramBoost;
    private final PrintStream progress;
    private final TitleMatchWeights matchWeights;
    private final boolean spelling;
    /** Query embeddings hybrid ranking uses (see {@link HybridRetrieval#queryVector}); the raw ones when absent. */
    private final Map<String, float[]> hybridVectors = new HashMap<>();

    SearchEvaluator(TextEncoder encoder, IndexSettings settings, double lexicalWeight, int depth, float gramBoost,
            TitleMatchWeights matchWeights, boolean spelling, PrintStream progress) {
        this.spelling = spelling;
        this.matchWeights = matchWeights;
        this.gramBoost = gramBoost;
        this.encoder = encoder;
        this.settings = settings;
        this.lexicalWeight = lexicalWeight;
        this.depth = depth;
        this.progress = progress;
    }

    /** Metrics per ranker, in the order asked. */
    Map<String, RankerResult> evaluate(RelevanceDataset data, String mode, List<String> rankers, int k,
            List<JudgedQuery> queries) throws IOException {
        boolean needVectors = rankers.contains("semantic") || rankers.contains("hybrid");
        List<String> ids = new ArrayList<>(data.titles().keySet());
        Collections.shuffle(ids, new Random(SEED));
        Map<String, float[]> productVectors = new HashMap<>();
        if (needVectors) {
            productVectors = encodeAll(ids, data.titles(), "product titles");
        }
        Map<String, float[]> queryVectors = new HashMap<>();
        if (needVectors) {
            List<String> texts = queries.stream().map(JudgedQuery::query).distinct().toList();
            float[][] vectors = encodeBatches(texts, "queries");
            for (int i = 0; i < texts.size(); i++) {
                queryVectors.put(texts.get(i), vectors[i]);
            }
        }
        progress.printf("Indexing %,d products…%n", ids.size());
        long start = System.nanoTime();
        try (ProductIndex index = ProductIndex.inMemory(new ProductAnalyzers(null), settings)) {
            List<IndexedProduct> docs = new ArrayList<>(ids.size());
            for (String id : ids) {
                // candidates mode reads vectors from memory: no HNSW graph to build
                docs.add(new IndexedProduct(id, data.titles().get(id), null, null, List.of(), null, true, "en", 0,
                        "catalog".equals(mode) ? productVectors.get(id) : null));
            }
            index.upsert(docs);
            index.commitAndRefresh();
            progress.printf("Indexed in %.1f s%n", (System.nanoTime() - start) / 1e9);
            if (rankers.contains("hybrid") && spelling) {
                List<String> texts = queries.stream().map(JudgedQuery::query).distinct().toList();
                Map<String, String> corrected = new HashMap<>();
                Map<String, float[]> correctedVectors = new HashMap<>();
                List<String> changed = new ArrayList<>();
                for (String t : texts) {
                    String c = index.correctSpelling(t);
                    corrected.put(t, c);
                    if (!c.equals(t)) {
                        changed.add(c);
                    }
                }
                progress.printf("%,d of %,d queries corrected%n", changed.size(), texts.size());
                float[][] vectors = encodeBatches(changed, "corrected queries");
                for (int i = 0; i < changed.size(); i++) {
                    correctedVectors.put(changed.get(i), vectors[i]);
                }
                for (String t : texts) {
                    float[] fixed = correctedVectors.get(corrected.get(t));
                    hybridVectors.put(t, fixed == null ? queryVectors.get(t)
                            : HybridRetrieval.mean(queryVectors.get(t), fixed));
                }
            }
            Map<String, RankerResult> results = new LinkedHashMap<>();
            for (String ranker : rankers) {
                results.put(ranker, run(index, ranker, mode, k, queries, productVectors, queryVectors));
            }
            return results;
        }
    }

    private RankerResult run(ProductIndex index, String ranker, String mode, int k, List<JudgedQuery> queries,
            Map<String, float[]> productVectors, Map<String, float[]> queryVectors) {
        RankerResult result = new RankerResult(ranker);
        int done = 0;
        for (JudgedQuery q : queries) {
            float[] vector = "hybrid".equals(ranker)
                    ? hybridVectors.getOrDefault(q.query(), queryVectors.get(q.query())) : queryVectors.get(q.query());
            long start = System.nanoTime();
            List<String> ranked = "candidates".equals(mode)
                    ? rankCandidates(index, ranker, q, productVectors, vector)
                    : searchCatalog(index, ranker, q, k, vector);
            double ms = (System.nanoTime() - start) / 1e6;
            List<String> deep = "candidates".equals(mode) ? ranked
                    : deepen(index, ranker, q, ranked, queryVectors.get(q.query()));
            result.add(ranked.subList(0, Math.min(k, ranked.size())), deep, q.grades(), k, ms);
            if (++done % 2000 == 0 || done == queries.size()) {
                progress.printf("%-8s %,6d/%,d queries  ndcg@%d %.4f%n", ranker, done, queries.size(), k,
                        result.mean(RankerResult.NDCG));
            }
        }
        return result;
    }

    private List<String> rankCandidates(ProductIndex index, String ranker, JudgedQuery q,
            Map<String, float[]> productVectors, float[] queryVector) {
        List<String> ids = new ArrayList<>(q.grades().keySet());
        Collections.shuffle(ids, new Random(SEED ^ q.query().hashCode()));
        if ("bm25".equals(ranker)) {
            Map<String, Double> bm25 = index.titleScores(q.query(), ids);
            List<Candidate> candidates = new ArrayList<>();
            for (String id : ids) {
                candidates.add(new Candidate(id, null, bm25.getOrDefault(id, 0.0), null));
            }
            return sortStable(candidates);
        }
        List<Candidate> candidates = new ArrayList<>();
        if ("semantic".equals(ranker)) {
            for (String id : ids) {
                candidates.add(new Candidate(id, null, 0, productVectors.get(id)));
            }
            return HybridReranker.fuse(queryVector, candidates, 0).stream().map(RankedProduct::id).toList();
        }
        // the service's lexical side (text query + title trigrams); this index holds no vectors (read from memory)
        SearchPage page = index.hybridCandidates(ProductQuery.text(q.query()), ids, null, 0, gramBoost);
        for (Candidate c : HybridRetrieval.candidates(page)) {
            candidates.add(new Candidate(c.id(), null, c.lexicalScore(), productVectors.get(c.id())));
        }
        double[] bonus = HybridRetrieval.bonus(index, index.correctSpelling(q.query()),
                page.hits().stream().map(ProductHit::title).toList(), matchWeights);
        return HybridReranker.fuse(queryVector, candidates, lexicalWeight, bonus).stream().map(RankedProduct::id)
                .toList();
    }

    private List<String> searchCatalog(ProductIndex index, String ranker, JudgedQuery q, int k, float[] vector) {
        return switch (ranker) {
            case "bm25" -> index.searchTitles(q.query(), k).stream().map(ProductHit::id).toList();
            case "semantic" -> index.nearest(ProductQuery.text(null), vector, k).hits().stream()
                    .map(ProductHit::id).toList();
            default -> {
                // exactly the service's hybrid path: its BM25 top N, vector neighbours, fusion
                ProductQuery query = ProductQuery.text(q.query());
                List<String> bm25 = index.search(query, depth, false, false, false).hits().stream()
                        .map(ProductHit::id).toList();
                yield HybridRetrieval.rank(index, query, bm25, vector, depth, lexicalWeight, gramBoost, matchWeights)
                        .stream()
                        .map(ProductHit::id).toList();
            }
        };
    }

    /**
     * The ranking extended to {@link #CONDENSED_DEPTH} products, for condensed NDCG (unjudged products are removed
     * from the whole ranking, so it must reach past the top {@code k}); hybrid continues with the BM25 ranking.
     */
    private List<String> deepen(ProductIndex index, String ranker, JudgedQuery q, List<String> ranked,
            float[] vector) {
        List<String> deeper = switch (ranker) {
            case "semantic" -> index.nearest(ProductQuery.text(null), vector, CONDENSED_DEPTH).hits().stream()
                    .map(ProductHit::id).toList();
            default -> index.searchTitles(q.query(), CONDENSED_DEPTH).stream().map(ProductHit::id).toList();
        };
        if (!"hybrid".equals(ranker)) {
            return deeper;
        }
        java.util.LinkedHashSet<String> merged = new java.util.LinkedHashSet<>(ranked);
        merged.addAll(deeper);
        return List.copyOf(merged);
    }

    private static List<String> sortStable(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> Double.compare(b.lexicalScore(), a.lexicalScore()));
        return sorted.stream().map(Candidate::id).toList();
    }

    private Map<String, float[]> encodeAll(List<String> ids, Map<String, String> titles, String what) {
        List<String> texts = ids.stream().map(titles::get).toList();
        float[][] vectors = encodeBatches(texts, what);
        Map<String, float[]> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), vectors[i]);
        }
        return byId;
    }

    private float[][] encodeBatches(List<String> texts, String what) {
        float[][] out = new float[texts.size()][];
        int batch = 1024;
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batch) {
            int to = Math.min(texts.size(), from + batch);
            float[][] vectors = encoder.encode(texts.subList(from, to));
            System.arraycopy(vectors, 0, out, from, vectors.length);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.printf("Embedding %s: %,d/%,d (%.0f/s)%n", what, to, texts.size(), to / Math.max(seconds, 1e-3));
        }
        return out;
    }
}
