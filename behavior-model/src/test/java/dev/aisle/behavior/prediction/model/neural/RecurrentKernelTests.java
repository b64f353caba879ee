package dev.aisle.behavior.prediction.model.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrentKernelTests {

    private static final int MB = 3;
    private static final int STEPS = 4;
    private static final int H = 5;

    private static float[] random(Random random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    /** {@code L = Σ states ⊙ G}, in double precision for the finite differences. */
    private static double loss(String cell, float[] projected, float[] recurrent, float[] g) {
        float[] states = RecurrentKernel.of(cell, H).forward(projected, recurrent, MB, STEPS);
        double sum = 0;
        for (int i = 0; i < states.length; i++) {
            sum += states[i] * (double) g[i];
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void backPropagationMatchesFiniteDifferences(String cell) {
        Random random = new Random(7);
        RecurrentKernel kernel = RecurrentKernel.of(cell, H);
        int width = kernel.gates() * H;
        float[] projected = random(random, STEPS * MB * width, 0.8);
        float[] recurrent = random(random, H * width, 0.5);
        float[] g = random(random, STEPS * MB * H, 1.0);
        kernel.forward(projected, recurrent, MB, STEPS);
        float[] dRecurrent = new float[recurrent.length];
        float[] dProjected = kernel.backward(g, recurrent, dRecurrent);
        double eps = 1e-2;
        for (int i = 0; i < projected.length; i += 7) {
            float saved = projected[i];
            projected[i] = (float) (saved + eps);
            double up = loss(cell, projected, recurrent, g);
            projected[i] = (float) (saved - eps);
            double down = loss(cell, projected, recurrent, g);
            projected[i] = saved;
            assertThat((double) dProjected[i]).as("dXP[%d]", i).isCloseTo((up - down) / (2 * eps), within(2e-3));
        }
        for (int i = 0; i < recurrent.length; i += 3) {
            float saved = recurrent[i];
            recurrent[i] = (float) (saved + eps);
            double up = loss(cell, projected, recurrent, g);
            recurrent[i] = (float) (saved - eps);
            double down = loss(cell, projected, recurrent, g);
            recurrent[i] = saved;
            assertThat((double) dRecurrent[i]).as("dU[%d]", i).isCloseTo((up - down) / (2 * eps), within(2e-3));
        }
    }

    /**
     * The session-mean readout's backward pass is the adjoint of its forward pass: for any {@code x} and {@code g},
     * {@code <prefixMeans(x), g> = <x, ∂(g)>}, on a time-major batch with a padded (shorter) sequence.
     */
    @Test
    void sessionMeanGradientIsTheAdjointOfTheMean() {
        java.util.Random random = new java.util.Random(3);
        int mb = 2;
        int steps = 3;
        int e = 4;
        // sequence 0 has 3 valid steps, sequence 1 only 2 (its step 2 is padding)
        int[] positions = {0, 1, 2, 3, 4};
        float[] x = new float[mb * steps * e];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] g = new float[positions.length * e];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) random.nextGaussian();
        }
        float[] means = RecurrentNetwork.prefixMeans(x, mb, steps, positions, e);
        // position 4 is step 2 of sequence 0: the mean of its three inputs
        assertThat(means[4 * e]).isCloseTo((x[0] + x[2 * e] + x[4 * e]) / 3, org.assertj.core.data.Offset.offset(1e-6f));
        float[] dx = new float[x.length];
        RecurrentNetwork.addPrefixMeanGradient(dx, g, mb, steps, positions, e);
        double left = 0;
        for (int i = 0; i < g.length; i++) {
            left += means[i] * g[i];
        }
        double right = 0;
        for (int i = 0; i < x.length; i++) {
            right += x[i] * dx[i];
        }
        assertThat(right).isCloseTo(left, org.assertj.core.data.Offset.offset(1e-5));
        // the padded step of sequence 1 feeds no valid position
        for (int k = 0; k < e; k++) {
            assertThat(dx[5 * e + k]).isZero();
        }
    }
}
