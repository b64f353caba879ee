package dev.aisle.behavior.prediction.model.eval;

import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.SessionPredictor;
import dev.aisle.behavior.prediction.model.baseline.SessionKnnModel;
import dev.aisle.behavior.prediction.model.neural.BlendModel;
import dev.aisle.behavior.prediction.model.neural.RecurrentConfig;
import dev.aisle.behavior.prediction.model.neural.RecurrentNextItemModel;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench session}: latency of {@link SessionPredictor#predictNext(List, int)} for sessions of a fixed
 * length, single-threaded after a warm-up, as p50 / p95 / p99 in milliseconds.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Benchmark next-item inference latency (p50/p95/p99) for a fixed session length.")
public class SessionBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "srgnn:DIR; sessions are drawn from its test prefixes")
    String data;

    @Option(names = "--load", description = "a predictor saved by eval session --save (else one is trained)")
    Path load;

    @Option(names = "--model", defaultValue = "blend", description = "sknn, lstm, gru or blend when training")
    String model;

    @Option(names = "--epochs", defaultValue = "1", description = "epochs when training lstm/gru/blend")
    int epochs;

    @Option(names = "--length", defaultValue = "10", description = "items per benchmark session")
    int length;

    @Option(names = "--n", defaultValue = "20", description = "items to predict")
    int n;

    @Option(names = "--requests", defaultValue = "2000", description = "measured requests after 200 warm-up ones")
    int requests;

    @Option(names = "--seed", defaultValue = "42", description = "seed")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!data.startsWith("srgnn:")) {
            throw new ParameterException(spec.commandLine(), "--data must be srgnn:DIR, got " + data);
        }
        PrintWriter out = spec.commandLine().getOut();
        SessionDataset dataset = SessionDataset.readSrGnn(Path.of(data.substring("srgnn:".length())));
        SessionPredictor predictor = load != null ? load(load) : train(dataset, out);
        Random random = new Random(seed);
        List<List<String>> sessions = new ArrayList<>();
        for (int i = 0; i < requests + 200; i++) {
            int[] prefix = dataset.test().get(random.nextInt(dataset.test().size())).prefix();
            List<String> ids = new ArrayList<>(length);
            for (int j = 0; j < length; j++) {
                ids.add(Integer.toString(prefix[j % prefix.length]));
            }
            sessions.add(ids);
        }
        double[] millis = new double[requests];
        for (int i = 0; i < sessions.size(); i++) {
            long start = System.nanoTime();
            predictor.predictNext(sessions.get(i), n);
            if (i >= 200) {
                millis[i - 200] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        out.printf("%s: %d requests of %d items, top %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                predictor.modelName(), requests, length, n, quantile(millis, 0.5), quantile(millis, 0.95),
                quantile(millis, 0.99), millis[millis.length - 1]);
        return 0;
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static SessionPredictor load(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return SessionPredictor.load(in);
        }
    }

    private SessionPredictor train(SessionDataset dataset, PrintWriter out) {
        RecurrentConfig config = RecurrentConfig.defaults(model.equals("gru") ? "gru" : "lstm").withEpochs(epochs)
                .withSeed(seed);
        NextItemModel fitted = switch (model) {
            case "sknn" -> new SessionKnnModel(100, 1000);
            case "lstm", "gru" -> new RecurrentNextItemModel(config);
            case "blend" -> new BlendModel(new RecurrentNextItemModel(config), false, new SessionKnnModel(100, 1000));
            default -> throw new ParameterException(spec.commandLine(), "unknown --model " + model);
        };
        out.printf("training %s (%d epochs) …%n", model, epochs);
        out.flush();
        fitted.fit(dataset.train(), dataset.numItems());
        List<String> ids = IntStream.range(0, dataset.numItems()).mapToObj(Integer::toString).toList();
        return SessionPredictor.of(fitted, ids, dataset.train());
    }
}
