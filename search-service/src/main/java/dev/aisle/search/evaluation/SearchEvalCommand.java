package dev.aisle.search.evaluation;

import dev.aisle.search.index.IndexSettings;
import dev.aisle.search.query.TitleMatchWeights;
import dev.aisle.search.ranking.CachingEncoder;
import dev.aisle.search.ranking.FileEmbeddingCache;
import dev.aisle.search.ranking.MiniLmEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./aisle eval search}: NDCG@k, condensed NDCG@k, NDCG@5, MRR and latency of the BM25, semantic and hybrid
 * rankers on a relevance-judgment file, with the index and ranking code of search-service.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Evaluate search rankers on graded relevance judgments (Home Depot, CrowdFlower).")
public class SearchEvalCommand implements Callable<Integer> {

    private static final List<String> RANKERS = List.of("bm25", "semantic", "hybrid");

    @Option(names = "--data", required = true, paramLabel = "FORMAT:PATH",
            description = "homedepot:PATH (Kaggle Home Depot train.csv) or crowdflower:PATH (CrowdFlower train.csv)")
    String data;

    @Option(names = "--mode", defaultValue = "candidates",
            description = "candidates (rank each query's judged products) or catalog (search every product)")
    String mode;

    @Option(names = "--rankers", split = ",", description = "bm25,semantic,hybrid (default: all)")
    List<String> rankers;

    @Option(names = "--k", defaultValue = "10", description = "cut-off of NDCG (default 10)")
    int k;

    @Option(names = "--json", paramLabel = "OUT.json", description = "write the results as JSON")
    Path json;

    @Option(names = "--fusion-weight",
            description = "BM25 weight w of the hybrid fusion (default: 0.4 in candidates mode, 0.7 in catalog mode,"
                    + " both tuned on the Home Depot dev data)")
    Double fusionWeight;

    @Option(names = "--depth", defaultValue = "50", description = "BM25 and kNN candidates fused in catalog mode")
    int depth;

    @Option(names = "--gram-boost", defaultValue = "1.0",
            description = "hybrid: weight of title character-trigram BM25 added to word BM25 (0 = off)")
    float gramBoost;

    @Option(names = "--coverage-weight", defaultValue = "0",
            description = "hybrid: weight of the share of query terms found in the title (default 0)")
    double coverageWeight;

    @Option(names = "--number-weight", defaultValue = "0.3",
            description = "hybrid: weight of the share of query numbers (2x4, 1/2) found in the title (default 0.3)")
    double numberWeight;

    @Option(names = "--order-weight", defaultValue = "0.05",
            description = "hybrid: weight of the share of adjacent query-term pairs found in order in the title"
                    + " (default 0.05)")
    double orderWeight;

    @Option(names = "--head-weight", defaultValue = "0.2",
            description = "hybrid: weight of the title holding the query's last word (default 0.2)")
    double headWeight;

    @Option(names = "--spelling", defaultValue = "true", arity = "1",
            description = "hybrid: average the query embedding with that of its spelling-corrected form")
    boolean spelling;

    @Option(names = "--k1", defaultValue = "1.2", description = "BM25 k1")
    float k1;

    @Option(names = "--b", defaultValue = "0.75", description = "BM25 b")
    float b;

    @Option(names = "--cache", description = "embedding cache directory (default AISLE_HOME/cache/embeddings)")
    Path cache;

    @Option(names = "--min-judged", defaultValue = "5", description = "candidates mode: least judged products")
    int minJudged;

    public SearchEvalCommand() {
    }

    @Override
    public Integer call() throws Exception {
        int colon = data.indexOf(':');
        if (colon < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--data must be FORMAT:PATH");
        }
        String format = data.substring(0, colon).toLowerCase();
        Path path = Path.of(data.substring(colon + 1));
        if (!Files.isReadable(path)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "cannot read " + path);
        }
        if (!mode.equals("candidates") && !mode.equals("catalog")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--mode must be candidates or catalog");
        }
        List<String> chosen = rankers == null || rankers.isEmpty() ? RANKERS
                : rankers.stream().map(String::strip).map(String::toLowerCase).toList();
        for (String ranker : chosen) {
            if (!RANKERS.contains(ranker)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown ranker " + ranker);
            }
        }
        System.err.printf("Reading %s …%n", path);
        RelevanceDataset dataset = RelevanceDataset.read(format, path);
        List<JudgedQuery> queries = new ArrayList<>();
        for (JudgedQuery q : dataset.queries()) {
            boolean enough = mode.equals("catalog") || q.grades().size() >= minJudged;
            if (enough && q.hasRelevant()) {
                queries.add(q);
            }
        }
        System.err.printf("%,d products, %,d queries evaluated (%s mode)%n", dataset.titles().size(), queries.size(),
                mode);
        if (fusionWeight == null) {
            fusionWeight = mode.equals("catalog") ? 0.7 : 0.4;
        }
        IndexSettings settings = new IndexSettings(k1, b, 1, 0, 0, 0);
        Path cacheDir = cache != null ? cache : aisleHome().resolve("cache").resolve("embeddings");
        boolean needEncoder = chosen.contains("semantic") || chosen.contains("hybrid");
        try (CachingEncoder encoder = needEncoder
                ? new CachingEncoder(MiniLmEncoder.load(null, "cpu", 128), new FileEmbeddingCache(cacheDir))
                : null) {
            SearchEvaluator evaluator = new SearchEvaluator(encoder, settings, fusionWeight, depth, gramBoost,
                    new TitleMatchWeights(coverageWeight, numberWeight, orderWeight, headWeight), spelling, System.err);
            Map<String, RankerResult> results = evaluator.evaluate(dataset, mode, chosen, k, queries);
            Map<String, Object> report = report(dataset.name(), queries.size(), results);
            printTable(results);
            if (json != null) {
                JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
                Files.writeString(json, mapper.writeValueAsString(report));
                System.out.println("Wrote " + json);
            }
        }
        return 0;
    }

    private Map<String, Object> report(String name, int queryCount, Map<String, RankerResult> results) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dataset", name);
        report.put("mode", mode);
        report.put("queries", queryCount);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RankerResult r : results.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ranker", r.ranker());
            row.put("ndcg@" + k, round(r.mean(RankerResult.NDCG)));
            row.put("ndcg@" + k + "_condensed", round(r.mean(RankerResult.NDCG_CONDENSED)));
            row.put("ndcg@5", round(r.mean(RankerResult.NDCG_5)));
            row.put("mrr", round(r.mean(RankerResult.MRR)));
            row.put("p50_ms", round(r.percentileMs(50)));
            row.put("p95_ms", round(r.percentileMs(95)));
            row.put("params", params(r.ranker()));
            rows.add(row);
        }
        report.put("results", rows);
        return report;
    }

    private Map<String, Object> params(String ranker) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!ranker.equals("semantic")) {
            params.put("k1", k1);
            params.put("b", b);
            params.put("analyzer", "english");
            params.put("fields", "title");
        }
        if (!ranker.equals("bm25")) {
            params.put("model", "all-MiniLM-L6-v2");
            params.put("queryEncodingInLatency", false);
        }
        if (ranker.equals("hybrid")) {
            params.put("lexical", "service text query (title; fuzzy for words outside the vocabulary)"
                    + " + trigramBoost x title-trigram BM25");
            params.put("fusion", "minmax");
            params.put("trigramBoost", gramBoost);
            params.put("coverageWeight", coverageWeight);
            params.put("numberWeight", numberWeight);
            params.put("orderWeight", orderWeight);
            params.put("headWeight", headWeight);
            params.put("spellingCorrectedQueryVector", spelling);
            params.put("w", fusionWeight);
            if (mode.equals("catalog")) {
                params.put("depth", depth);
            }
        }
        params.put("seed", SearchEvaluator.SEED);
        return params;
    }

    private void printTable(Map<String, RankerResult> results) {
        System.out.printf("%-9s %9s %13s %8s %8s %8s %8s%n", "ranker", "ndcg@" + k, "ndcg@" + k + "_cond", "ndcg@5",
                "mrr", "p50_ms", "p95_ms");
        for (RankerResult r : results.values()) {
            System.out.printf("%-9s %9.4f %13.4f %8.4f %8.4f %8.2f %8.2f%n", r.ranker(), r.mean(RankerResult.NDCG),
                    r.mean(RankerResult.NDCG_CONDENSED), r.mean(RankerResult.NDCG_5), r.mean(RankerResult.MRR),
                    r.percentileMs(50), r.percentileMs(95));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }

    static Path aisleHome() {
        String home = System.getenv("AISLE_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".aisle");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SearchEvalCommand()).execute(args));
    }
}
