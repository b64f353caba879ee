package dev.aisle.behavior.prediction.model.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AttentionReadoutTests {

    private static final int MB = 2;
    private static final int STEPS = 3;
    private static final int H = 4;
    /** Sequence 0 has 3 valid steps, sequence 1 only 2 (its step 2 is padding). */
    private static final int[] POSITIONS = {0, 1, 2, 3, 4};

    private static float[] gaussian(Random random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    private static AttentionReadout randomReadout(Random random) {
        return new AttentionReadout(H, gaussian(random, H * H, 0.7), gaussian(random, H * H, 0.7),
                gaussian(random, H, 0.5), gaussian(random, H, 1.5));
    }

    /** {@code L = Σ readout ⊙ G}, in double precision for the finite differences. */
    private static double loss(AttentionReadout readout, float[] states, float[] x, float[] g) {
        float[] r = readout.forward(states, x, MB, STEPS, POSITIONS).readout;
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i] * (double) g[i];
        }
        return sum;
    }

    private static void assertGradient(String name, float[] values, float[] gradient, Supplier<Double> loss) {
        double eps = 1e-2;
        for (int i = 0; i < values.length; i++) {
            float saved = values[i];
            values[i] = (float) (saved + eps);
            double up = loss.get();
            values[i] = (float) (saved - eps);
            double down = loss.get();
            values[i] = saved;
            assertThat((double) gradient[i]).as("%s[%d]", name, i).isCloseTo((up - down) / (2 * eps), within(2e-3));
        }
    }

    @Test
    void backPropagationMatchesFiniteDifferences() {
        Random random = new Random(11);
        AttentionReadout readout = randomReadout(random);
        float[] states = gaussian(random, MB * STEPS * H, 0.8);
        float[] x = gaussian(random, MB * STEPS * H, 0.8);
        float[] g = gaussian(random, POSITIONS.length * H, 1.0);
        float[] dStates = new float[states.length];
        float[] dx = new float[x.length];
        AttentionReadout.Gradients d = readout.forward(states, x, MB, STEPS, POSITIONS).backward(g, dStates, dx);
        Supplier<Double> loss = () -> loss(readout, states, x, g);
        assertGradient("dStates", states, dStates, loss);
        assertGradient("dx", x, dx, loss);
        assertGradient("dA1", readout.query, d.query(), loss);
        assertGradient("dA2", readout.key, d.key(), loss);
        assertGradient("dc", readout.bias, d.bias(), loss);
        assertGradient("dv", readout.vector, d.vector(), loss);
    }

    @Test
    void untrainedAttentionIsTheSessionMean() {
        Random random = new Random(5);
        AttentionReadout readout = AttentionReadout.random(H, 3);
        float[] states = gaussian(random, MB * STEPS * H, 1.0);
        float[] x = gaussian(random, MB * STEPS * H, 1.0);
        float[] r = readout.forward(states, x, MB, STEPS, POSITIONS).readout;
        float[] means = RecurrentNetwork.prefixMeans(x, MB, STEPS, POSITIONS, H);
        for (int i = 0; i < POSITIONS.length; i++) {
            for (int k = 0; k < H; k++) {
                assertThat(r[i * H + k]).isCloseTo(states[POSITIONS[i] * H + k] + means[i * H + k], within(1e-5f));
            }
        }
    }
}
