package dev.aisle.recommend.evaluation;

import dev.aisle.common.feature.TopK;
import dev.aisle.recommend.model.ImplicitAls;
import dev.aisle.recommend.model.Interactions;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aisle bench recommend}: serving latency of a personalised top-10 over a synthetic catalogue — the per-request
 * work of the service (fold the user's history into the ALS model, score every item, filter seen items, select the
 * top n) — reported as p50/p99 over many requests after warm-up.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Serving latency benchmark of the recommendation model path.")
public class RecommendBenchCommand implements Callable<Integer> {

    @Option(names = "--items", defaultValue = "50000", description = "catalogue size (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--users", defaultValue = "20000", description = "synthetic users (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--per-user", defaultValue = "20", description = "interactions per user")
    int perUser;

    @Option(names = "--factors", defaultValue = "64", description = "ALS factors (service default ${DEFAULT-VALUE})")
    int factors;

    @Option(names = "--requests", defaultValue = "2000", description = "measured requests")
    int requests;

    @Option(names = "--n", defaultValue = "10", description = "recommendations per request")
    int n;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    /** Runs from the command line. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new RecommendBenchCommand()).execute(args));
    }

    @Override
    public Integer call() {
        SplittableRandom random = new SplittableRandom(seed);
        int total = users * perUser;
        int[] us = new int[total];
        int[] is = new int[total];
        float[] vs = new float[total];
        for (int p = 0; p < total; p++) {
            us[p] = p / perUser;
            // Zipf-like popularity: squaring a uniform draw skews towards low ids
            double x = random.nextDouble();
            is[p] = (int) (x * x * items);
            vs[p] = 1 + random.nextInt(5);
        }
        Interactions data = Interactions.of(users, items, us, is, vs);
        long started = System.nanoTime();
        ImplicitAls als = ImplicitAls.fit(data, new ImplicitAls.Config(factors, 0.5, 1, 5, 3, true, 2, seed));
        System.out.printf(Locale.ROOT, "trained ALS (%d factors, 5 iterations) on %d users × %d items in %.1f s%n",
                factors, users, items, (System.nanoTime() - started) / 1e9);
        int[] tieBreak = TopK.seededTieBreak(items, seed);
        long[] nanos = new long[requests];
        int warmUp = Math.max(200, requests / 5);
        for (int r = -warmUp; r < requests; r++) {
            int u = random.nextInt(users);
            long t0 = System.nanoTime();
            int[] own = data.itemsOf(u);
            float[] scores = als.scoreInteractions(own, data.valuesOf(u));
            int[] top = TopK.select(scores, n, i -> Arrays.binarySearch(own, i) >= 0, tieBreak);
            long t1 = System.nanoTime();
            if (top.length != n) {
                throw new IllegalStateException("short list");
            }
            if (r >= 0) {
                nanos[r] = t1 - t0;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "top-%d over %d items, %d requests: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, items, requests, nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6,
                nanos[requests - 1] / 1e6);
        return 0;
    }
}
