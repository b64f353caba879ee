package dev.aisle.recommend.model;

/** Cosine similarity between rows of a dense factor matrix. */
final class FactorSimilarity {

    private FactorSimilarity() {
    }

    static float[] cosine(float[] factors, int rows, int k, int row) {
        float[] out = new float[rows];
        float self = (float) Math.sqrt(DenseVectors.dot(factors, row * k, factors, row * k, k));
        for (int r = 0; r < rows; r++) {
            float norm = (float) Math.sqrt(DenseVectors.dot(factors, r * k, factors, r * k, k));
            float d = self * norm;
            out[r] = d == 0 ? 0 : DenseVectors.dot(factors, r * k, factors, row * k, k) / d;
        }
        return out;
    }
}
