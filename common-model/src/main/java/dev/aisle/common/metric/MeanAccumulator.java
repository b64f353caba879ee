package dev.aisle.common.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums named per-user (or per-query) metric values and reports their means, e.g. {@code ndcg@10} over all test
 * users. Names keep their first-use order. Not thread-safe; {@link #merge} combines per-thread accumulators.
 */
public final class MeanAccumulator {

    private final Map<String, double[]> sums = new LinkedHashMap<>();

    /**
     * Adds one observation of {@code metric}.
     *
     * @throws IllegalArgumentException when {@code value} is NaN (a bug upstream, such as an AUC without negatives)
     */
    public MeanAccumulator add(String metric, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN value for metric " + metric);
        }
        double[] sumAndCount = sums.computeIfAbsent(metric, name -> new double[2]);
        sumAndCount[0] += value;
        sumAndCount[1] += 1;
        return this;
    }

    /** Adds one observation of each entry. */
    public MeanAccumulator addAll(Map<String, Double> values) {
        values.forEach(this::add);
        return this;
    }

    /** Adds the sums and counts of {@code other}. */
    public MeanAccumulator merge(MeanAccumulator other) {
        other.sums.forEach((name, sc) -> {
            double[] mine = sums.computeIfAbsent(name, n -> new double[2]);
            mine[0] += sc[0];
            mine[1] += sc[1];
        });
        return this;
    }

    /** Mean of {@code metric}, NaN when never observed. */
    public double mean(String metric) {
        double[] sc = sums.get(metric);
        return sc == null ? Double.NaN : sc[0] / sc[1];
    }

    /** Number of observations of {@code metric}. */
    public long count(String metric) {
        double[] sc = sums.get(metric);
        return sc == null ? 0 : (long) sc[1];
    }

    /** The largest observation count over all metrics (the number of evaluated users when all are recorded). */
    public long count() {
        long max = 0;
        for (double[] sc : sums.values()) {
            max = Math.max(max, (long) sc[1]);
        }
        return max;
    }

    /** Metric name → mean, in first-use order. */
    public Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((name, sc) -> means.put(name, sc[0] / sc[1]));
        return Collections.unmodifiableMap(means);
    }
}
