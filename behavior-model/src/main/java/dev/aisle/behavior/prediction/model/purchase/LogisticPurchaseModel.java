package dev.aisle.behavior.prediction.model.purchase;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression on standardised session aggregates ({@link PurchaseFeatures#session}):
 * {@code P(buy) = σ(w · z)}, {@code z = (x - μ) / σ_x}, fitted by full-batch gradient descent on the L2-penalised
 * log loss {@code -1/N Σ [y log p + (1-y) log(1-p)] + λ/2 |w|²}.
 */
public final class LogisticPurchaseModel implements PurchaseIntentModel {

    private final double l2;
    private final int iterations;
    private double[] weights;
    private double[] mean;
    private double[] scale;

    /**
     * @param l2 penalty {@code λ}, at least 0 (default 1e-3)
     * @param iterations gradient steps, at least 1 (default 500)
     */
    public LogisticPurchaseModel(double l2, int iterations) {
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("illegal l2 value: " + l2 + ", must be >= 0");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("illegal iterations value: " + iterations + ", must be at least 1");
        }
        this.l2 = l2;
        this.iterations = iterations;
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public void fit(List<List<SessionEventFeatures>> sessions, boolean[] purchased) {
        int n = sessions.size();
        int d = PurchaseFeatures.SESSION_WIDTH;
        double[][] x = new double[n][];
        mean = new double[d];
        scale = new double[d];
        for (int i = 0; i < n; i++) {
            x[i] = PurchaseFeatures.session(sessions.get(i));
            for (int j = 0; j < d; j++) {
                mean[j] += x[i][j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        // the constant feature stays 1 so that its weight is the intercept
        mean[d - 1] = 0;
        scale[d - 1] = 1;
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(x[i]);
        }
        weights = new double[d];
        double rate = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d];
            for (int i = 0; i < n; i++) {
                double err = sigmoid(dot(weights, z[i])) - (purchased[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * z[i][j] / n;
                }
            }
            for (int j = 0; j < d; j++) {
                weights[j] -= rate * (grad[j] + (j < d - 1 ? l2 * weights[j] : 0));
            }
        }
    }

    private double[] standardise(double[] x) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Override
    public double probability(List<SessionEventFeatures> events) {
        return sigmoid(dot(weights, standardise(PurchaseFeatures.session(events))));
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("l2", l2, "iterations", iterations, "features", PurchaseFeatures.SESSION_WIDTH);
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(l2);
        out.writeInt(iterations);
        for (double[] array : new double[][] {weights, mean, scale}) {
            out.writeInt(array.length);
            for (double v : array) {
                out.writeDouble(v);
            }
        }
    }

    /** Restores a model written by {@link #write}. */
    public static LogisticPurchaseModel read(DataInputStream in) throws IOException {
        LogisticPurchaseModel model = new LogisticPurchaseModel(in.readDouble(), in.readInt());
        double[][] arrays = new double[3][];
        for (int a = 0; a < 3; a++) {
            arrays[a] = new double[in.readInt()];
            for (int j = 0; j < arrays[a].length; j++) {
                arrays[a][j] = in.readDouble();
            }
        }
        model.weights = arrays[0];
        model.mean = arrays[1];
        model.scale = arrays[2];
        return model;
    }
}
