package dev.aisle.search.evaluation;

import dev.aisle.search.index.IndexSettings;
import dev.aisle.search.index.IndexedProduct;
import dev.aisle.search.index.ProductAnalyzers;
import dev.aisle.search.index.ProductHit;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductQuery;
import dev.aisle.search.index.SearchPage;
import dev.aisle.search.ranking.CachingEncoder;
import dev.aisle.search.ranking.Candidate;
import dev.aisle.search.ranking.FileEmbeddingCache;
import dev.aisle.search.ranking.HybridReranker;
import dev.aisle.search.ranking.MiniLmEncoder;
import dev.aisle.search.ranking.TextEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./aisle bench search}: index build throughput (cold: every product embedded; warm: embeddings from the
 * text-hash cache) and query latency (BM25 with filters, facets and highlights; hybrid rerank of the top 50
 * including query encoding) over a catalogue of real product titles (Home Depot, ≈55k).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Benchmark search index build and query latency.")
public class SearchBenchCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FORMAT:PATH",
            description = "titles and queries (default homedepot:$AISLE_DATASETS/homedepot-search-relevance/train.csv)")
    String data;

    @Option(names = "--queries", defaultValue = "1000", description = "queries timed per measurement")
    int queries;

    @Option(names = "--cold-sample", defaultValue = "2000",
            description = "products embedded from scratch to measure the cold build rate")
    int coldSample;

    @Option(names = "--depth", defaultValue = "50", description = "candidates reranked")
    int depth;

    @Option(names = "--fusion-weight", defaultValue = "0.3", description = "BM25 weight of the fusion")
    double fusionWeight;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the figures as JSON")
    Path json;

    public SearchBenchCommand() {
    }

    @Override
    public Integer call() throws Exception {
        String spec = data != null ? data : "homedepot:" + datasets().resolve("homedepot-search-relevance/train.csv");
        int colon = spec.indexOf(':');
        RelevanceDataset dataset = RelevanceDataset.read(spec.substring(0, colon), Path.of(spec.substring(colon + 1)));
        List<String> ids = new ArrayList<>(dataset.titles().keySet());
        List<String> texts = ids.stream().map(dataset.titles()::get).toList();
        List<String> queryTexts = new ArrayList<>(dataset.queries().stream().map(JudgedQuery::query).toList());
        Collections.shuffle(queryTexts, new Random(SearchEvaluator.SEED));
        queryTexts = queryTexts.subList(0, Math.min(queries, queryTexts.size()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dataset", dataset.name());
        figures.put("products", ids.size());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        try (MiniLmEncoder miniLm = MiniLmEncoder.load(null, "cpu", 128)) {
            Path tempCache = Files.createTempDirectory("aisle-bench-cache");
            List<String> sample = texts.subList(0, Math.min(coldSample, texts.size()));
            long start = System.nanoTime();
            new CachingEncoder(miniLm, new FileEmbeddingCache(tempCache)).encode(sample);
            double cold = sample.size() / ((System.nanoTime() - start) / 1e9);
            System.err.printf("Cold build (embedding %,d products): %.0f products/s%n", sample.size(), cold);
            figures.put("cold_build_products_per_s", Math.round(cold));

            CachingEncoder cached = new CachingEncoder(miniLm,
                    new FileEmbeddingCache(SearchEvalCommand.aisleHome().resolve("cache").resolve("embeddings")));
            System.err.printf("Filling the embedding cache for %,d products (first run only) …%n", texts.size());
            cached.encode(texts);
            try (ProductIndex index = ProductIndex.inMemory(new ProductAnalyzers(null), IndexSettings.defaults())) {
                start = System.nanoTime();
                float[][] vectors = new CachingEncoder(miniLm, new FileEmbeddingCache(
                        SearchEvalCommand.aisleHome().resolve("cache").resolve("embeddings"))).encode(texts);
                List<IndexedProduct> docs = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    docs.add(new IndexedProduct(ids.get(i), texts.get(i), null, null, List.of(), null, true, "en", 0,
                            vectors[i]));
                }
                index.upsert(docs);
                index.commitAndRefresh();
                double warm = ids.size() / ((System.nanoTime() - start) / 1e9);
                System.err.printf("Warm build (cached embeddings, %,d products): %.0f products/s%n", ids.size(), warm);
                figures.put("warm_build_products_per_s", Math.round(warm));
                figures.put("bm25", latency("bm25", queryTexts, q -> index.search(ProductQuery.text(q), 20, false,
                        true)));
                figures.put("hybrid_rerank", latency("hybrid", queryTexts, q -> rerank(index, miniLm, q)));
            }
        }
        System.out.println(figures);
        if (json != null) {
            Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(figures));
        }
        return 0;
    }

    private List<String> rerank(ProductIndex index, TextEncoder encoder, String query) {
        float[] vector = encoder.encode(query);
        SearchPage union = index.hybrid(ProductQuery.text(query), depth, vector, depth);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < union.hits().size(); i++) {
            ProductHit hit = union.hits().get(i);
            candidates.add(new Candidate(hit.id(), hit.title(), hit.score(), union.vectors().get(i)));
        }
        return HybridReranker.fuse(vector, candidates, fusionWeight).stream().map(r -> r.id()).toList();
    }

    private static Map<String, Object> latency(String name, List<String> queries,
            java.util.function.Function<String, Object> run) {
        for (int i = 0; i < Math.min(100, queries.size()); i++) {
            run.apply(queries.get(i));
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            run.apply(queries.get(i));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queries", ms.length);
        out.put("p50_ms", Math.round(percentile(ms, 50) * 100) / 100.0);
        out.put("p95_ms", Math.round(percentile(ms, 95) * 100) / 100.0);
        out.put("p99_ms", Math.round(percentile(ms, 99) * 100) / 100.0);
        System.err.printf("%-7s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms over %,d queries%n", name, percentile(ms, 50),
                percentile(ms, 95), percentile(ms, 99), ms.length);
        return out;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static Path datasets() {
        String env = System.getenv("AISLE_DATASETS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "datasets");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SearchBenchCommand()).execute(args));
    }
}
