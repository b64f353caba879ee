package dev.aisle.recommend.model;

/** Inverse of a symmetric positive-definite matrix by Cholesky factorisation {@code A = LLᵀ}. */
final class SymmetricInverse {

    private SymmetricInverse() {
    }

    /** Returns {@code A⁻¹} (row-major n × n); {@code a} is overwritten by {@code L}. */
    static double[] invert(double[] a, int n, Workers workers) {
        for (int j = 0; j < n; j++) {
            int jj = j;
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (d <= 0) {
                throw new IllegalArgumentException("matrix is not positive definite");
            }
            double ljj = Math.sqrt(d);
            a[j * n + j] = ljj;
            workers.forEach(n - j - 1, r -> {
                int i = jj + 1 + r;
                double s = a[i * n + jj];
                for (int k = 0; k < jj; k++) {
                    s -= a[i * n + k] * a[jj * n + k];
                }
                a[i * n + jj] = s / ljj;
            });
        }
        double[] inv = new double[n * n];
        workers.forEach(n, col -> {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = i == col ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    s -= a[i * n + k] * y[k];
                }
                y[i] = s / a[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= a[k * n + i] * y[k];
                }
                y[i] = s / a[i * n + i];
            }
            for (int i = 0; i < n; i++) {
                inv[i * n + col] = y[i];
            }
        });
        return inv;
    }
}
