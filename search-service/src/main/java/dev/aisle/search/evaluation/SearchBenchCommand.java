package dev.aisle.search.evaluation;

import dev.aisle.search.index.IndexSettings;
import dev.aisle.search.index.IndexedProduct;
import dev.aisle.search.index.ProductAnalyzers;
import dev.aisle.search.index.ProductIndex;
import dev.aisle.search.index.ProductSuggester;
import dev.aisle.search.query.SearchEvents;
import dev.aisle.search.query.SearchRequest;
import dev.aisle.search.query.SearchResponse;
import dev.aisle.search.query.SearchService;
import dev.aisle.search.ranking.CachingEncoder;
import dev.aisle.search.ranking.FileEmbeddingCache;
import dev.aisle.search.ranking.MiniLmEncoder;
import dev.aisle.search.rerank.EncoderProvider;
import dev.aisle.search.rerank.RankingProperties;
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
 * text-hash cache) and query latency through {@link SearchService}, the code path of {@code GET /api/v1/search}
 * (query parsing, filters, exact facets, highlighting of the page, spelling suggestion, search event): BM25 alone
 * ({@code rerank=false}) and hybrid (query encoding, vector neighbours, fusion of the top 50) over a catalogue of
 * real product titles (Home Depot, ≈55k).
 *
 * <p>The Home Depot file holds titles only, so each product gets a brand (one of 400), a three-level category
 * (10 × 8 × 6) and a log-normal price drawn with a fixed seed: facet counting then does the work it does on a real
 * catalogue. These values are not searchable words, so the BM25 and vector rankings are those of the titles.
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

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the figures as JSON")
    Path json;

    @Option(names = "--warmup", defaultValue = "3",
            description = "untimed passes over the queries before each measurement (the JIT compiles the search path;"
                    + " a running service is in this steady state)")
    int warmup;

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
        // the time budget is lifted so that every hybrid query is really reranked (none falls back to BM25)
        RankingProperties ranking = new RankingProperties(true, null, null, null, null, depth, null, null, 600_000L,
                null, null, null, null, null, null);
        try (MiniLmEncoder miniLm = MiniLmEncoder.load(null, "cpu", ranking.maxLength(), ranking.intraOpThreads())) {
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
            ProductAnalyzers analyzers = new ProductAnalyzers(null);
            try (ProductIndex index = ProductIndex.inMemory(analyzers, IndexSettings.defaults());
                    ProductSuggester suggester = new ProductSuggester(analyzers)) {
                start = System.nanoTime();
                float[][] vectors = new CachingEncoder(miniLm, new FileEmbeddingCache(
                        SearchEvalCommand.aisleHome().resolve("cache").resolve("embeddings"))).encode(texts);
                Random random = new Random(SearchEvaluator.SEED);
                List<IndexedProduct> docs = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    int top = random.nextInt(10);
                    int middle = random.nextInt(8);
                    List<String> category = List.of("c" + top, "c" + top + "x" + middle,
                            "c" + top + "x" + middle + "x" + random.nextInt(6));
                    double price = Math.round(Math.exp(3.5 + 1.2 * random.nextGaussian()) * 100) / 100.0;
                    docs.add(new IndexedProduct(ids.get(i), texts.get(i), null, "b" + random.nextInt(400), category,
                            price, random.nextInt(10) > 0, "en", random.nextInt(1_000_000_000), vectors[i]));
                }
                index.upsert(docs);
                index.commitAndRefresh();
                double warm = ids.size() / ((System.nanoTime() - start) / 1e9);
                System.err.printf("Warm build (cached embeddings, %,d products): %.0f products/s%n", ids.size(), warm);
                figures.put("warm_build_products_per_s", Math.round(warm));
                suggester.rebuild(index.titles());

                SearchService service = new SearchService(index, suggester, EncoderProvider.loaded(ranking, miniLm),
                        ranking, SearchEvents.none());
                int[] notReranked = new int[2];
                figures.put("bm25", latency("bm25", queryTexts, q -> service.search(request(q, false), null, "bench")));
                figures.put("hybrid", latency("hybrid", queryTexts, q -> {
                    SearchResponse response = service.search(request(q, true), null, "bench");
                    if (!response.reranked()) {
                        notReranked["semantic".equals(response.retrieval()) ? 0 : 1]++;
                    }
                    return response;
                }));
                // counted over the warm-up passes and the timed one; semantic = zero BM25 hits, vector retrieval
                figures.put("hybrid_semantic_fallbacks", notReranked[0]);
                figures.put("hybrid_bm25_fallbacks", notReranked[1]);
                figures.put("query_encoding", latency("encode", queryTexts, miniLm::encode));
                service.destroy();
            }
        }
        System.out.println(figures);
        if (json != null) {
            Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(figures));
        }
        return 0;
    }

    private static SearchRequest request(String q, boolean rerank) {
        return new SearchRequest(q, null, null, null, null, null, null, 0, 20, rerank, null, null);
    }

    /**
     * Wall-clock latency of each query, and the CPU time the process's threads spent meanwhile (the request thread,
     * the encoder's worker, GC and JIT), which other load on the machine inflates far less than wall time.
     */
    private Map<String, Object> latency(String name, List<String> queries,
            java.util.function.Function<String, Object> run) {
        for (int pass = 0; pass < warmup; pass++) {
            queries.forEach(run::apply);
        }
        double[] ms = new double[queries.size()];
        double[] cpu = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            run.apply(queries.get(i));
            ms[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (cpuNanos() - cpuStart) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queries", ms.length);
        out.put("p50_ms", Math.round(percentile(ms, 50) * 100) / 100.0);
        out.put("p95_ms", Math.round(percentile(ms, 95) * 100) / 100.0);
        out.put("p99_ms", Math.round(percentile(ms, 99) * 100) / 100.0);
        out.put("cpu_p50_ms", Math.round(percentile(cpu, 50) * 100) / 100.0);
        out.put("cpu_p95_ms", Math.round(percentile(cpu, 95) * 100) / 100.0);
        System.err.printf("%-7s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (process CPU per query p50 %.2f ms, p95 %.2f ms)"
                + " over %,d queries%n", name, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99),
                percentile(cpu, 50), percentile(cpu, 95), ms.length);
        return out;
    }

    /** CPU time of every thread of this process so far (ns resolution, unlike the process total's 10 ms ticks). */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
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
