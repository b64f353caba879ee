package dev.aisle.recommend.evaluation;

import dev.aisle.common.feature.IntSet;
import dev.aisle.common.feature.TopK;
import dev.aisle.common.metric.Coverage;
import dev.aisle.common.metric.RankingMetrics;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.Recommender;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Top-k ranking evaluation against held-out items: for every user with held-out items, all items not in the user's
 * training row are ranked (seeded tie-break) and binary-relevance metrics averaged over those users — NDCG@k
 * ({@code DCG = Σ_{r≤k} rel_r / log2(r+1)}, ideal DCG over {@code min(k, |rel|)} hits), precision@k, recall@k,
 * MAP@k (average precision normalised by {@code min(k, |rel|)}), hit rate@k, and catalogue coverage.
 */
public final class HeldOutRanking {

    /** Averages over the evaluated users. */
    public record Scores(double ndcg, double precision, double recall, double map, double hitRate, double coverage,
            int users) {
    }

    private HeldOutRanking() {
    }

    /** One held-out item per user ({@code -1} = none). */
    public static Scores evaluate(Recommender model, Interactions train, int[] heldItem, int k, long seed) {
        int[][] relevant = new int[heldItem.length][];
        for (int u = 0; u < heldItem.length; u++) {
            relevant[u] = heldItem[u] < 0 ? new int[0] : new int[] {heldItem[u]};
        }
        return evaluate(model, train, relevant, k, seed, 2, done -> { });
    }

    /**
     * Evaluates every user with at least one relevant item, in parallel on {@code threads} threads; {@code progress}
     * receives the number of users done so far every 1,000 users.
     */
    public static Scores evaluate(Recommender model, Interactions train, int[][] relevant, int k, long seed,
            int threads, IntConsumer progress) {
        int[] tieBreak = TopK.seededTieBreak(train.items(), seed);
        double[][] perUser = new double[relevant.length][];
        int[][] lists = new int[relevant.length][];
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, relevant.length).parallel().forEach(u -> {
                if (relevant[u].length == 0 || u >= train.users()) {
                    return;
                }
                float[] scores = model.score(u);
                int[] top = TopK.select(scores, k, i -> train.contains(u, i), tieBreak);
                lists[u] = top;
                perUser[u] = metrics(top, relevant[u], k);
                if (done.incrementAndGet() % 1000 == 0) {
                    progress.accept(done.get());
                }
            })).join();
        } finally {
            pool.shutdown();
        }
        double[] sum = new double[5];
        int users = 0;
        Coverage coverage = new Coverage(train.items());
        for (int u = 0; u < relevant.length; u++) {
            if (perUser[u] != null) {
                for (int m = 0; m < sum.length; m++) {
                    sum[m] += perUser[u][m];
                }
                coverage.add(lists[u]);
                users++;
            }
        }
        double n = Math.max(users, 1);
        return new Scores(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n,
                coverage.value(), users);
    }

    /** ndcg, precision, recall, average precision, hit for one ranked list. */
    static double[] metrics(int[] ranked, int[] relevant, int k) {
        IntSet rel = IntSet.of(relevant);
        return new double[] {RankingMetrics.ndcgAtK(ranked, rel, k), RankingMetrics.precisionAtK(ranked, rel, k),
                RankingMetrics.recallAtK(ranked, rel, k), RankingMetrics.averagePrecisionAtK(ranked, rel, k),
                RankingMetrics.hitAtK(ranked, rel, k)};
    }
}
