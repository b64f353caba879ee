package dev.aisle.gateway.bench;

import java.util.Arrays;

/** Request latencies in nanoseconds and their nearest-rank percentiles. */
final class LatencySample {

    private final long[] nanos;
    private int size;

    LatencySample(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long latencyNanos) {
        nanos[size++] = latencyNanos;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100) in milliseconds. */
    double percentileMillis(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("illegal percentile " + p + ", must be in (0, 100]");
        }
        if (size == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double meanMillis() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += nanos[i];
        }
        return size == 0 ? 0 : sum / 1e6 / size;
    }

    int size() {
        return size;
    }
}
