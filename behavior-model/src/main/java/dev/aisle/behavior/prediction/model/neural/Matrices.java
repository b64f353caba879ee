package dev.aisle.behavior.prediction.model.neural;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Row-major float matrices multiplied by ND4J's BLAS. */
final class Matrices {

    private Matrices() {
    }

    static INDArray wrap(float[] values, int rows, int cols) {
        return Nd4j.create(values, new long[] {rows, cols}, 'c');
    }

    /** {@code A [n, k] · B [k, m]}, either side optionally transposed first. */
    static float[] multiply(float[] a, int aRows, int aCols, boolean transposeA, float[] b, int bRows, int bCols,
            boolean transposeB) {
        INDArray left = wrap(a, aRows, aCols);
        INDArray right = wrap(b, bRows, bCols);
        return (transposeA ? left.transpose() : left).mmul(transposeB ? right.transpose() : right).dup('c').data()
                .asFloat();
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
