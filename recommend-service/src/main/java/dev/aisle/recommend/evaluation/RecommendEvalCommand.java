package dev.aisle.recommend.evaluation;

import dev.aisle.common.dataset.Rating;
import dev.aisle.common.feature.TextNormalizer;
import dev.aisle.common.metric.RatingMetrics;
import dev.aisle.common.split.KFold;
import dev.aisle.common.split.LeaveLastOut;
import dev.aisle.common.split.Split;
import dev.aisle.common.split.StratifiedRandomSplit;
import dev.aisle.recommend.model.BiasedMf;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.ModelConfig;
import dev.aisle.recommend.model.Recommender;
import dev.aisle.recommend.model.TwoTower;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code aisle eval recommend}: trains each algorithm on a split of a public data set and reports ranking metrics
 * (random-split, leave-last-out) or rating-prediction errors (kfold-rating).
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Offline evaluation of the recommendation algorithms.")
public class RecommendEvalCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FORMAT:PATH",
            description = "movielens|movielens-csv|sequences|csv, then ':' and the file")
    String data;

    @Option(names = "--protocol", defaultValue = "random-split",
            description = "random-split | leave-last-out | kfold-rating (default ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--test-ratio", defaultValue = "0.25", description = "random-split test share")
    double testRatio;

    @Option(names = "--folds", defaultValue = "5", description = "kfold-rating folds")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "seed of splits, models and tie-breaks")
    long seed;

    @Option(names = "--k", defaultValue = "10", description = "cut-off of the ranking metrics")
    int k;

    @Option(names = "--algorithms", split = ",", description = "subset of " + Algorithms.ALL + " (default all)")
    List<String> algorithms;

    @Option(names = "--json", paramLabel = "OUT.json", description = "also write the results as JSON")
    Path json;

    @Option(names = "--two-tower-validation-users", defaultValue = "0", paramLabel = "N",
            description = "two-tower early stopping: N users lend one training item each (default 0 = fixed epochs)")
    int twoTowerValidationUsers;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** Runs from the command line: {@code java -cp … RecommendEvalCommand --data …}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new RecommendEvalCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, ModelConfig> known = Algorithms.defaults(seed, twoTowerValidationUsers);
        List<String> chosen = algorithms == null ? List.of(Algorithms.ALL.split(",")) : algorithms;
        for (String a : chosen) {
            if (!known.containsKey(a)) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown algorithm '" + a + "', must be among " + Algorithms.ALL);
            }
        }
        if (k < 1 || folds < 2 || !(testRatio > 0 && testRatio < 1) || twoTowerValidationUsers < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "need --k >= 1, --folds >= 2, 0 < --test-ratio < 1 and --two-tower-validation-users >= 0");
        }
        EvaluationData dataset = EvaluationData.read(data);
        err.printf("%s: %d rows%n", dataset.name(), dataset.ratings().size());
        List<Map<String, Object>> results = new ArrayList<>();
        switch (protocol) {
            case "random-split", "leave-last-out" -> {
                Split split = protocol.equals("random-split")
                        ? new StratifiedRandomSplit(testRatio, seed).split(dataset.ratings())
                        : new LeaveLastOut().split(dataset.ratings());
                IndexedSplit indexed = IndexedSplit.of(dataset.ratings(), split);
                err.printf("%d users, %d items, %d train rows, %d test rows%n", indexed.users().size(),
                        indexed.items().size(), split.train().size(), split.test().size());
                List<List<String>> itemTokens = chosen.contains(TwoTower.NAME) ? itemTokens(indexed) : null;
                for (String a : chosen) {
                    results.add(ranking(indexed, a, known.get(a), itemTokens));
                }
            }
            case "kfold-rating" -> {
                for (String a : chosen) {
                    if (a.equals("mf")) {
                        results.add(kfold(dataset, (BiasedMf.Config) known.get(a)));
                    } else {
                        err.printf("%s does not predict ratings: skipped under kfold-rating%n", a);
                    }
                }
            }
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "illegal --protocol '"
                    + protocol + "', must be random-split, leave-last-out or kfold-rating");
        }
        printTable(results);
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataset", dataset.name());
            doc.put("protocol", protocol);
            doc.put("results", results);
            Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(doc));
        }
        return 0;
    }

    /** Normalised text tokens per item index from the text beside the data set, or null when there is none. */
    private List<List<String>> itemTokens(IndexedSplit split) throws java.io.IOException {
        Map<String, String> text = ItemTexts.read(data);
        if (text.isEmpty()) {
            return null;
        }
        List<List<String>> tokens = new ArrayList<>(split.items().size());
        for (int i = 0; i < split.items().size(); i++) {
            tokens.add(TextNormalizer.tokenize(text.getOrDefault(split.items().idOf(i), "")));
        }
        err.printf("item text for %d of %d items%n", text.size(), split.items().size());
        return tokens;
    }

    private Map<String, Object> ranking(IndexedSplit split, String name, ModelConfig config,
            List<List<String>> itemTokens) {
        int[][] rel = split.relevant();
        Interactions train = split.train();
        err.printf("training %s …%n", name);
        long started = System.nanoTime();
        Map<String, Object> params = new LinkedHashMap<>(config.params());
        Recommender model;
        if (config instanceof TwoTower.Config twoTower) {
            model = TwoTower.fit(train, itemTokens, twoTower,
                    (epoch, current) -> err.printf("  %s: epoch %d/%d%n", name, epoch, twoTower.epochs()));
            params = new LinkedHashMap<>(model.params());
            params.put("item_text", itemTokens != null);
        } else {
            model = config.fit(train);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("trained %s in %.2f s, ranking …%n", name, seconds);
        int total = (int) Arrays.stream(rel).filter(r -> r.length > 0).count();
        HeldOutRanking.Scores s = HeldOutRanking.evaluate(model, train, rel, k, seed, 2,
                done -> err.printf("  %s: %d/%d users ranked%n", name, done, total));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("algorithm", name);
        row.put("ndcg@" + k, round(s.ndcg()));
        if (protocol.equals("random-split")) {
            row.put("precision@" + k, round(s.precision()));
            row.put("recall@" + k, round(s.recall()));
            row.put("map@" + k, round(s.map()));
        }
        row.put("hr@" + k, round(s.hitRate()));
        row.put("coverage", round(s.coverage()));
        row.put("train_seconds", round(seconds));
        row.put("users", s.users());
        row.put("params", params);
        return row;
    }

    private Map<String, Object> kfold(EvaluationData d, BiasedMf.Config config) {
        List<Double> predicted = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        double seconds = 0;
        int f = 0;
        for (Split split : new KFold(folds, seed).split(d.ratings())) {
            f++;
            IndexedSplit indexed = IndexedSplit.of(d.ratings(), split);
            long started = System.nanoTime();
            BiasedMf mf = BiasedMf.fit(indexed.train(), config);
            seconds += (System.nanoTime() - started) / 1e9;
            double[] p = new double[split.test().size()];
            double[] a = new double[p.length];
            for (int n = 0; n < p.length; n++) {
                Rating r = split.test().get(n);
                p[n] = mf.predict(indexed.users().indexOf(r.user()), indexed.items().indexOf(r.item()));
                a[n] = r.rating();
                predicted.add(p[n]);
                actual.add(a[n]);
            }
            err.printf("  mf fold %d/%d: RMSE %.4f%n", f, folds, RatingMetrics.rmse(p, a));
        }
        double[] p = predicted.stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = actual.stream().mapToDouble(Double::doubleValue).toArray();
        double se = RatingMetrics.rmse(p, a);
        double ae = RatingMetrics.mae(p, a);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("algorithm", "mf");
        row.put("rmse", round(se));
        row.put("mae", round(ae));
        row.put("train_seconds", round(seconds));
        row.put("params", config.params());
        return row;
    }

    private void printTable(List<Map<String, Object>> results) {
        out.println("protocol " + protocol);
        for (Map<String, Object> row : results) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s", row.get("algorithm")));
            row.forEach((key, value) -> {
                if (!key.equals("algorithm") && !key.equals("params")) {
                    line.append(String.format(Locale.ROOT, "  %s=%s", key, value));
                }
            });
            out.println(line);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    void streams(PrintStream stdout, PrintStream stderr) {
        this.out = stdout;
        this.err = stderr;
    }
}
