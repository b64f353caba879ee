package dev.aisle.behavior.prediction.model.neural;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015) over a flat parameter array, updating only the rows a step touched ("lazy"
 * Adam, as for sparse embedding gradients): {@code m ← β1 m + (1-β1) g}, {@code v ← β2 v + (1-β2) g²},
 * {@code θ ← θ - η m̂ / (√v̂ + ε)} with the bias corrections of the global step.
 */
final class LazyAdam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final float[] m;
    private final float[] v;
    private final double learningRate;

    LazyAdam(int size, double learningRate) {
        this.m = new float[size];
        this.v = new float[size];
        this.learningRate = learningRate;
    }

    /**
     * Applies one step to {@code param[offset … offset+length)} with gradient {@code grad[gradOffset …]}.
     * @param step the 1-based global step, for the bias correction
     */
    void update(float[] param, int offset, float[] grad, int gradOffset, int length, long step) {
        double correction = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        for (int i = 0; i < length; i++) {
            int p = offset + i;
            float g = grad[gradOffset + i];
            m[p] = (float) (BETA1 * m[p] + (1 - BETA1) * g);
            v[p] = (float) (BETA2 * v[p] + (1 - BETA2) * g * g);
            param[p] -= (float) (correction * m[p] / (Math.sqrt(v[p]) + EPSILON));
        }
    }
}
