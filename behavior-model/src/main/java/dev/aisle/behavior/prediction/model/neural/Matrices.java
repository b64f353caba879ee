package dev.aisle.behavior.prediction.model.neural;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Row-major float matrices multiplied by ND4J's BLAS. */
final class Matrices {

    private Matrices() {
    }

    /**
     * A fresh {@code [rows, cols]} native array holding {@code values}, copied in bulk through the buffer's NIO view
     * ({@code Nd4j.create(float[], …)} copies element by element through a bounds-checked indexer, which cost more
     * than the products themselves in the training profile).
     */
    static INDArray wrap(float[] values, int rows, int cols) {
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
        array.data().asNioFloat().put(values, 0, rows * cols);
        return array;
    }

    /** The values of a fresh (not a view) c-ordered float array, copied out in bulk. */
    static float[] values(INDArray array) {
        float[] values = new float[(int) array.length()];
        array.data().asNioFloat().get(values);
        return values;
    }

    /** {@code A [n, k] · B [k, m]}, either side optionally transposed first. */
    static float[] multiply(float[] a, int aRows, int aCols, boolean transposeA, float[] b, int bRows, int bCols,
            boolean transposeB) {
        if (!transposeA && !transposeB && (long) aRows * aCols * bCols <= SMALL) {
            return multiplySmall(a, aRows, aCols, b, bCols);
        }
        // one gemm into a fresh result: INDArray.mmul (and its transposed views) costs 10-30× more per call here
        INDArray result = Nd4j.create(DataType.FLOAT, new long[] {transposeA ? aCols : aRows,
            transposeB ? bRows : bCols}, 'c');
        Nd4j.gemm(wrap(a, aRows, aCols), wrap(b, bRows, bCols), result, transposeA, transposeB, 1.0, 0.0);
        return values(result);
    }

    /** Products up to this many multiply-adds run on the JVM: native calls cost more than they save there. */
    private static final long SMALL = 200_000;

    /** {@code A [n, k] · B [k, m]} with plain loops (row-major, i-k-j order). */
    static float[] multiplySmall(float[] a, int n, int k, float[] b, int m) {
        float[] c = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                float v = a[i * k + p];
                if (v == 0f) {
                    continue;
                }
                int row = p * m;
                int out = i * m;
                for (int j = 0; j < m; j++) {
                    c[out + j] += v * b[row + j];
                }
            }
        }
        return c;
    }

    /**
     * {@code tanh x = (e^{2x} − 1) / (e^{2x} + 1)} through {@link Math#exp}, which the JIT compiles to an intrinsic;
     * {@link Math#tanh} calls fdlibm's {@code StrictMath} and was a tenth of a training profile. Saturates to ±1 past
     * |x| = 10, where float tanh is 1 anyway.
     */
    static float tanh(float x) {
        if (x > 10f) {
            return 1f;
        }
        if (x < -10f) {
            return -1f;
        }
        double e = Math.exp(2.0 * x);
        return (float) ((e - 1) / (e + 1));
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** Scales each row of {@code [rows, h]} to unit length in place and returns the original norms. */
    static float[] normalizeRows(float[] values, int rows, int h) {
        float[] norms = new float[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int k = 0; k < h; k++) {
                sum += values[r * h + k] * values[r * h + k];
            }
            float norm = (float) Math.max(Math.sqrt(sum), 1e-6);
            norms[r] = norm;
            for (int k = 0; k < h; k++) {
                values[r * h + k] /= norm;
            }
        }
        return norms;
    }

    /**
     * Back through {@code y = s·x/|x|} in place: given {@code g = ∂L/∂(x/|x|)} (before the scale),
     * {@code ∂L/∂x = s (g - ŷ (ŷ·g)) / |x|} with {@code ŷ} the unit rows.
     */
    static void normalizedGradient(float[] gradient, float[] unit, float[] norms, int rows, int h, float scale) {
        for (int r = 0; r < rows; r++) {
            double dot = 0;
            for (int k = 0; k < h; k++) {
                dot += gradient[r * h + k] * unit[r * h + k];
            }
            float factor = scale / norms[r];
            for (int k = 0; k < h; k++) {
                gradient[r * h + k] = (float) ((gradient[r * h + k] - unit[r * h + k] * dot) * factor);
            }
        }
    }
}
