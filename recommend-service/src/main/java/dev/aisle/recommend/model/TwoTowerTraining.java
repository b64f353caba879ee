package dev.aisle.recommend.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The training batches of {@link TwoTower}: every observed (user, item) pair once per epoch in a seeded shuffle, with
 * a seeded sample of the user's other items as history and the step's candidate items, built as engine arrays.
 */
final class TwoTowerTraining {

    private final Interactions data;
    private final TwoTower.ItemText text;
    private final TwoTower.Config config;
    private final Random random;
    private final int[] pairUser;

    TwoTowerTraining(Interactions data, TwoTower.ItemText text, TwoTower.Config config) {
        this.data = data;
        this.text = text;
        this.config = config;
        this.random = new Random(config.seed());
        this.pairUser = new int[data.size()];
        for (int u = 0; u < data.users(); u++) {
            Arrays.fill(pairUser, data.userStart[u], data.userStart[u + 1], u);
        }
    }

    /**
     * The PyTorch engine, loaded offline with {@code threads} intra-op threads unless the threads were configured
     * before (the engine reads them once, when it first loads).
     */
    static Engine engine(int threads) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return Engine.getEngine("PyTorch");
    }

    /** The pair positions of one epoch, shuffled and cut into batches. */
    List<int[]> epoch() {
        int[] order = new int[data.size()];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        for (int p = order.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int t = order[p];
            order[p] = order[q];
            order[q] = t;
        }
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += config.batchSize()) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize())));
        }
        return batches;
    }

    /** Network inputs and loss labels of a batch of pair positions. */
    NDList[] arrays(NDManager manager, int[] batch) {
        int b = batch.length;
        int h = config.historyItems();
        long[] users = new long[b];
        long[] positives = new long[b];
        long[] history = new long[b * h];
        float[] historyWeights = new float[b * h];
        int[] scratch = new int[64];
        for (int n = 0; n < b; n++) {
            int u = pairUser[batch[n]];
            users[n] = u;
            positives[n] = data.userItems[batch[n]];
            if (h > 0) {
                scratch = sampleHistory(u, batch[n], h, history, historyWeights, n * h, scratch);
            }
        }
        long[] candidates = candidates();
        long[] items = new long[b + candidates.length];
        System.arraycopy(positives, 0, items, 0, b);
        System.arraycopy(candidates, 0, items, b, candidates.length);
        int t = text.perItem();
        long[] tokens = new long[items.length * t];
        float[] tokenWeights = new float[items.length * t];
        for (int m = 0; m < items.length && t > 0; m++) {
            System.arraycopy(text.bucketOf(), (int) items[m] * t, tokens, m * t, t);
            System.arraycopy(text.weights(), (int) items[m] * t, tokenWeights, m * t, t);
        }
        NDArray positive = manager.create(positives).reshape(b, 1);
        NDArray hits = manager.create(candidates).reshape(1, candidates.length).eq(positive)
                .toType(DataType.FLOAT32, false);
        NDList inputs = new NDList(manager.create(users), manager.create(history, new Shape(b, h)),
                manager.create(historyWeights, new Shape(b, h)), manager.create(items),
                manager.create(tokens, new Shape(items.length, t)),
                manager.create(tokenWeights, new Shape(items.length, t)));
        return new NDList[] {inputs, new NDList(hits)};
    }

    /**
     * Writes up to {@code h} of the user's items other than the pair's own (a seeded partial shuffle when there are
     * more), each weighted {@code 1/count}; returns the (possibly grown) scratch buffer.
     */
    private int[] sampleHistory(int u, int pair, int h, long[] history, float[] weights, int off, int[] scratch) {
        int from = data.userStart[u];
        int to = data.userStart[u + 1];
        int n = to - from - 1;
        if (n <= 0) {
            return scratch;
        }
        if (scratch.length < n) {
            scratch = new int[Math.max(n, scratch.length * 2)];
        }
        int c = 0;
        for (int p = from; p < to; p++) {
            if (p != pair) {
                scratch[c++] = data.userItems[p];
            }
        }
        int take = Math.min(h, n);
        for (int s = 0; s < take; s++) {
            int q = s + random.nextInt(n - s);
            int tmp = scratch[s];
            scratch[s] = scratch[q];
            scratch[q] = tmp;
            history[off + s] = scratch[s];
            weights[off + s] = 1f / take;
        }
        return scratch;
    }

    /** All items when there are at most {@code negatives}, else a uniform sample of that many. */
    private long[] candidates() {
        int items = data.items();
        long[] c = new long[Math.min(items, config.negatives())];
        for (int n = 0; n < c.length; n++) {
            c[n] = c.length == items ? n : random.nextInt(items);
        }
        return c;
    }
}
