package dev.aisle.common.metric;

/** Rating-prediction error metrics. */
public final class RatingMetrics {

    private RatingMetrics() {
    }

    /** Root mean squared error {@code √(Σ (p_i − a_i)² / n)}; NaN for empty input. */
    public static double rmse(double[] predicted, double[] actual) {
        check(predicted, actual);
        double sum = 0.0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - actual[i];
            sum += d * d;
        }
        return predicted.length == 0 ? Double.NaN : Math.sqrt(sum / predicted.length);
    }

    /** Mean absolute error {@code Σ |p_i − a_i| / n}; NaN for empty input. */
    public static double mae(double[] predicted, double[] actual) {
        check(predicted, actual);
        double sum = 0.0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    private static void check(double[] predicted, double[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(
                    "predicted and actual differ in length: " + predicted.length + " != " + actual.length);
        }
    }
}
