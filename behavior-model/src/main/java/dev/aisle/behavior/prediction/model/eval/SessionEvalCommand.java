package dev.aisle.behavior.prediction.model.eval;

import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import dev.aisle.behavior.prediction.model.SessionPredictor;
import dev.aisle.behavior.prediction.model.baseline.PopularityModel;
import dev.aisle.behavior.prediction.model.baseline.SequentialRulesModel;
import dev.aisle.behavior.prediction.model.baseline.SessionKnnModel;
import dev.aisle.behavior.prediction.model.baseline.SessionPopularityModel;
import dev.aisle.behavior.prediction.model.neural.BlendModel;
import dev.aisle.behavior.prediction.model.neural.RecurrentConfig;
import dev.aisle.behavior.prediction.model.neural.RecurrentNextItemModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval session}: fits next-item models on a session benchmark and reports P@k (hit rate) and MRR@k in
 * percent, side by side, following the SR-GNN protocol.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Evaluate next-item session models (P@k = hit rate, MRR@k, in percent).")
public class SessionEvalCommand implements Callable<Integer> {

    /** Every model, in report order; {@code blend} is the one the service serves. */
    public static final List<String> MODELS = List.of("pop", "spop", "item-knn", "sknn", "lstm", "gru", "blend");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "srgnn:DIR with train_sessions.txt and test.tsv")
    String data;

    @Option(names = "--models", split = ",", description = "comma-separated subset of ${COMPLETION-CANDIDATES}",
            completionCandidates = ModelNames.class)
    List<String> models;

    @Option(names = "--k", defaultValue = "20", description = "cut-off (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--epochs", defaultValue = "14", description = "max epochs of lstm/gru (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "seed for every random source")
    long seed;

    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;

    @Option(names = "--save", description = "save each fitted model as DIR/<model>.predictor (SessionPredictor)")
    Path saveDir;

    @Option(names = "--hidden", defaultValue = "200", description = "recurrent state size")
    int hidden;

    @Option(names = "--batch", defaultValue = "128",
            description = "sessions per minibatch (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--loss", defaultValue = "sampled",
            description = "lstm/gru loss: full, sampled (logQ-corrected) or sampled-uncorrected")
    String loss;

    @Option(names = "--tied", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "output rows are the input embeddings (default; --no-tied for separate tables)")
    boolean tied;

    @Option(names = "--dropout", defaultValue = "0.5", description = "lstm/gru dropout on inputs and output states")
    double dropout;

    @Option(names = "--readout", defaultValue = "mean",
            description = "lstm/gru readout: last (hidden state), mean (+ mean item embedding of the session) or "
                    + "attention (+ attention-weighted item embeddings)")
    String readout;

    @Option(names = "--scale", defaultValue = "16",
            description = "lstm/gru cosine scoring scale (NISER; 0 = dot product; default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--lr", defaultValue = "0.005", description = "Adam learning rate")
    double learningRate;

    @Option(names = "--negatives", defaultValue = "4096", description = "extra sampled negatives per minibatch")
    int negatives;

    @Option(names = "--decay", defaultValue = "1",
            description = "lstm/gru learning-rate decay per epoch (rate × decay^(epoch-1); 1 = constant)")
    double decay;

    @Option(names = "--validation-share", defaultValue = "0.03",
            description = "share of the last training sessions lstm/gru hold out for early stopping "
                    + "(default ${DEFAULT-VALUE})")
    double validationShare;

    @Option(names = "--train-minutes", defaultValue = "45",
            description = "wall-clock budget of lstm/gru training from the start of the run, in minutes: no "
                    + "epoch starts that would end past it (default ${DEFAULT-VALUE}, so that the whole run fits an "
                    + "hour on a slow machine; a fast one reaches --epochs first and the result does not depend on "
                    + "the machine)")
    double trainMinutes;

    @Option(names = "--limit-test", defaultValue = "0", description = "evaluate only the first N test cases (0 = all)")
    int limitTest;

    /** Names for picocli's completion and help. */
    static final class ModelNames extends ArrayList<String> {
        ModelNames() {
            super(MODELS);
        }
    }

    /** When the run started, for {@link #trainMinutes}. */
    private final long started = System.nanoTime();

    @Override
    public Integer call() throws Exception {
        if (!(trainMinutes > 0)) {
            throw new ParameterException(spec.commandLine(), "--train-minutes must be > 0, got " + trainMinutes);
        }
        List<String> selected = models == null || models.isEmpty() ? MODELS : models;
        for (String m : selected) {
            if (!MODELS.contains(m)) {
                throw new ParameterException(spec.commandLine(), "unknown model '" + m + "', expected one of " + MODELS);
            }
        }
        if (!RecurrentConfig.LOSSES.contains(loss)) {
            throw new ParameterException(spec.commandLine(), "--loss must be one of " + RecurrentConfig.LOSSES);
        }
        if (!RecurrentConfig.READOUTS.contains(readout)) {
            throw new ParameterException(spec.commandLine(), "--readout must be one of " + RecurrentConfig.READOUTS);
        }
        if (!data.startsWith("srgnn:")) {
            throw new ParameterException(spec.commandLine(), "--data must be srgnn:DIR, got " + data);
        }
        PrintWriter out = spec.commandLine().getOut();
        SessionDataset dataset = SessionDataset.readSrGnn(Path.of(data.substring("srgnn:".length())));
        List<PrefixEvaluator.Case> test = limitTest > 0 && limitTest < dataset.test().size()
                ? dataset.test().subList(0, limitTest) : dataset.test();
        out.printf("%s: %d training sessions, %d test cases, %d items%n", dataset.name(), dataset.train().size(),
                test.size(), dataset.numItems() - (dataset.excluded() >= 0 ? 1 : 0));
        out.flush();
        int[] tieRank = ItemPopularity.of(dataset.train(), dataset.numItems()).tieRank();
        Map<String, RecurrentNextItemModel> recurrent = new LinkedHashMap<>();
        Map<String, Future<Fitted>> early = fitRecurrentTogether(selected, dataset, out);
        List<Map<String, Object>> results = new ArrayList<>();
        for (String name : selected) {
            NextItemModel model;
            double trainSeconds;
            if (early.containsKey(name)) {
                Fitted fitted = early.get(name).get();
                model = fitted.model();
                trainSeconds = fitted.seconds();
            } else {
                long start = System.nanoTime();
                model = create(name, recurrent, out);
                model.fit(dataset.train(), dataset.numItems());
                trainSeconds = (System.nanoTime() - start) / 1e9;
            }
            if (model instanceof RecurrentNextItemModel r) {
                recurrent.put(name, r);
            }
            long evalStart = System.nanoTime();
            PrefixEvaluator.Result r = PrefixEvaluator.evaluate(model, test, k, tieRank, dataset.excluded());
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            out.printf("%-9s P@%d %6.2f  MRR@%d %6.2f  train %7.1f s  eval %6.1f s%n", name, k, 100 * r.hitRate(), k,
                    100 * r.mrr(), trainSeconds, evalSeconds);
            out.flush();
            if (saveDir != null) {
                save(model, dataset);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", name);
            row.put("p@" + k, round(100 * r.hitRate()));
            row.put("mrr@" + k, round(100 * r.mrr()));
            row.put("train_seconds", round(trainSeconds));
            row.put("eval_seconds", round(evalSeconds));
            row.put("params", model.params());
            results.add(row);
        }
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", dataset.name());
            report.put("protocol", "SR-GNN prefixes; P@" + k + " = hit rate, MRR@" + k + ", percent");
            report.put("test_cases", test.size());
            report.put("k", k);
            report.put("seed", seed);
            report.put("results", results);
            ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(json, mapper.writeValueAsString(report));
        }
        return 0;
    }

    /** A model fitted ahead of its turn and its wall-clock training time. */
    private record Fitted(NextItemModel model, double seconds) {
    }

    /**
     * When both recurrent models are asked for, trains them at once on two threads: each training step is mostly
     * single-threaded JVM work, so on a 2-core machine the pair finishes in about the time of one; their
     * {@code train_seconds} are then wall times measured side by side. Otherwise nothing is started early.
     */
    private Map<String, Future<Fitted>> fitRecurrentTogether(List<String> selected, SessionDataset dataset,
            PrintWriter out) {
        List<String> cells = selected.stream().filter(n -> n.equals("lstm") || n.equals("gru")).toList();
        Map<String, Future<Fitted>> futures = new LinkedHashMap<>();
        if (cells.size() < 2) {
            return futures;
        }
        // one BLAS thread per model while both train: two models × the default thread count oversubscribe the
        // cores (measured: a first epoch about 3× slower than the same work split one thread each)
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        int environmentThreads = Nd4j.getEnvironment().maxThreads();
        int share = Math.max(1, Runtime.getRuntime().availableProcessors() / cells.size());
        Nd4j.factory().blas().setMaxThreads(Math.min(blasThreads, share));
        Nd4j.getEnvironment().setMaxThreads(Math.min(environmentThreads, share));
        AtomicInteger running = new AtomicInteger(cells.size());
        ExecutorService pool = Executors.newFixedThreadPool(cells.size(), runnable -> {
            Thread thread = new Thread(runnable, "session-eval-fit");
            thread.setDaemon(true);
            return thread;
        });
        for (String cell : cells) {
            futures.put(cell, pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    RecurrentNextItemModel model = recurrent(cell, out);
                    model.fit(dataset.train(), dataset.numItems());
                    return new Fitted(model, (System.nanoTime() - start) / 1e9);
                } finally {
                    if (running.decrementAndGet() == 0) {
                        Nd4j.factory().blas().setMaxThreads(blasThreads);
                        Nd4j.getEnvironment().setMaxThreads(environmentThreads);
                    }
                }
            }));
        }
        pool.shutdown();
        return futures;
    }

    private void save(NextItemModel model, SessionDataset dataset) throws java.io.IOException {
        Files.createDirectories(saveDir);
        List<String> ids = java.util.stream.IntStream.range(0, dataset.numItems()).mapToObj(Integer::toString)
                .toList();
        try (java.io.OutputStream stream = Files.newOutputStream(saveDir.resolve(model.name() + ".predictor"))) {
            SessionPredictor.of(model, ids, dataset.train()).save(stream);
        }
    }

    private NextItemModel create(String name, Map<String, RecurrentNextItemModel> fitted, PrintWriter out) {
        return switch (name) {
            case "pop" -> new PopularityModel();
            case "spop" -> new SessionPopularityModel();
            case "item-knn" -> new SequentialRulesModel(10);
            case "sknn" -> new SessionKnnModel(100, 1000);
            case "lstm", "gru" -> recurrent(name, out);
            case "blend" -> {
                RecurrentNextItemModel lstm = fitted.get("lstm");
                yield new BlendModel(lstm != null ? lstm : recurrent("lstm", out), lstm != null,
                        new SessionKnnModel(100, 1000)).onProgress(line -> println(out, line));
            }
            default -> throw new IllegalStateException("unknown model " + name);
        };
    }

    private RecurrentNextItemModel recurrent(String cell, PrintWriter out) {
        java.time.Duration left = java.time.Duration.ofNanos(
                (long) (trainMinutes * 60e9) - (System.nanoTime() - started));
        return new RecurrentNextItemModel(config(cell)).onProgress(line -> println(out, line)).withTimeBudget(left);
    }

    /** The hyperparameters of {@code cell} as the options set them (their defaults are the model's). */
    RecurrentConfig config(String cell) {
        return RecurrentConfig.defaults(cell).withEpochs(epochs).withSeed(seed)
                .with(hidden, hidden, batch, learningRate, negatives).withLoss(loss).withTied(tied)
                .withDropout(dropout).withReadout(readout).withScale(scale).withDecay(decay)
                .withValidationShare(validationShare);
    }

    private static void println(PrintWriter out, String line) {
        synchronized (out) {
            out.println("  " + line);
            out.flush();
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
