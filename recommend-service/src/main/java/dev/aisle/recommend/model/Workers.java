package dev.aisle.recommend.model;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed-size fork-join pool for loops whose iterations are independent, so results do not depend on scheduling.
 */
final class Workers implements AutoCloseable {

    private final ForkJoinPool pool;

    Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("illegal threads " + threads + ", must be >= 1");
        }
        this.pool = new ForkJoinPool(threads);
    }

    /** Runs {@code body} for {@code 0..n-1}; iterations must write disjoint state. */
    void forEach(int n, IntConsumer body) {
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
