package dev.aisle.recommend.model;

import java.util.Random;

/** Row-major dense factor matrices stored in flat float arrays, and the few kernels the factor models share. */
final class DenseVectors {

    private DenseVectors() {
    }

    static float dot(float[] a, int aOff, float[] b, int bOff, int k) {
        float s = 0;
        for (int f = 0; f < k; f++) {
            s += a[aOff + f] * b[bOff + f];
        }
        return s;
    }

    /** {@code y += alpha · x}. */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int k) {
        for (int f = 0; f < k; f++) {
            y[yOff + f] += alpha * x[xOff + f];
        }
    }

    /** Gaussian initialisation with standard deviation {@code scale}, drawn in row order from one seeded stream. */
    static float[] gaussian(int rows, int k, double scale, long seed) {
        Random random = new Random(seed);
        float[] m = new float[rows * k];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) (random.nextGaussian() * scale);
        }
        return m;
    }

    /** Scores {@code factors · vector} for every row. */
    static float[] multiply(float[] factors, int rows, int k, float[] vector, int vOff) {
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = dot(factors, r * k, vector, vOff, k);
        }
        return out;
    }

    /** Gram matrix {@code MᵀM} (k × k, row-major) in double precision, computed in parallel over column blocks. */
    static double[] gram(float[] m, int rows, int k, Workers workers) {
        double[] g = new double[k * k];
        workers.forEach(k, a -> {
            for (int r = 0; r < rows; r++) {
                float va = m[r * k + a];
                if (va != 0) {
                    int off = r * k;
                    for (int b = 0; b < k; b++) {
                        g[a * k + b] += va * m[off + b];
                    }
                }
            }
        });
        return g;
    }
}
