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

    private static final float B1 = (float) BETA1;
    private static final float B2 = (float) BETA2;
    private static final float EPS = (float) EPSILON;

    private final float[] m;
    private final float[] v;
    private double learningRate;
    /** The step whose bias-corrected rate {@link #correction} holds (one computation per step, not per row). */
    private long correctedStep = -1;
    private float correction;

    LazyAdam(int size, double learningRate) {
        this.m = new float[size];
        this.v = new float[size];
        this.learningRate = learningRate;
    }

    /** Sets the step size {@code η} of the following updates (a learning-rate schedule). */
    void setLearningRate(double value) {
        this.learningRate = value;
        this.correctedStep = -1;
    }

    /**
     * Applies one step to {@code param[offset … offset+length)} with gradient {@code grad[gradOffset …]}.
     * @param step the 1-based global step, for the bias correction
     */
    void update(float[] param, int offset, float[] grad, int gradOffset, int length, long step) {
        if (step != correctedStep) {
            correctedStep = step;
            correction = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
        }
        float c = correction;
        for (int i = 0; i < length; i++) {
            int p = offset + i;
            float g = grad[gradOffset + i];
            float mp = B1 * m[p] + (1 - B1) * g;
            float vp = B2 * v[p] + (1 - B2) * g * g;
            m[p] = mp;
            v[p] = vp;
            param[p] -= c * mp / ((float) Math.sqrt(vp) + EPS);
        }
    }
}
