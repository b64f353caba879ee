package dev.aisle.behavior.prediction.model.neural;

/**
 * LSTM (Hochreiter &amp; Schmidhuber 1997, with forget gate): {@code z = XP_t + h_{t-1} U},
 * {@code i, f, o = σ(z_i, z_f, z_o)}, {@code g = tanh(z_g)}, {@code c_t = f⊙c_{t-1} + i⊙g},
 * {@code h_t = o⊙tanh(c_t)}.
 */
final class LstmKernel implements RecurrentKernel {

    private final int h;
    private float[] acts;
    private float[] cells;
    private float[] cellTanh;
    private float[] states;
    private int mb;
    private int steps;

    LstmKernel(int hidden) {
        this.h = hidden;
    }

    @Override
    public int gates() {
        return 4;
    }

    @Override
    public float[] forward(float[] projected, float[] recurrent, int mb, int steps) {
        this.mb = mb;
        this.steps = steps;
        int g4 = 4 * h;
        acts = new float[steps * mb * g4];
        cells = new float[steps * mb * h];
        cellTanh = new float[steps * mb * h];
        states = new float[steps * mb * h];
        float[] previous = new float[mb * h];
        float[] previousCell = new float[mb * h];
        for (int t = 0; t < steps; t++) {
            float[] z = Matrices.multiply(previous, mb, h, false, recurrent, h, g4, false);
            for (int b = 0; b < mb; b++) {
                int row = t * mb + b;
                for (int j = 0; j < h; j++) {
                    int zi = b * g4 + j;
                    int pi = row * g4 + j;
                    float in = Matrices.sigmoid(z[zi] + projected[pi]);
                    float forget = Matrices.sigmoid(z[zi + h] + projected[pi + h]);
                    float out = Matrices.sigmoid(z[zi + 2 * h] + projected[pi + 2 * h]);
                    float cand = Matrices.tanh(z[zi + 3 * h] + projected[pi + 3 * h]);
                    acts[pi] = in;
                    acts[pi + h] = forget;
                    acts[pi + 2 * h] = out;
                    acts[pi + 3 * h] = cand;
                    float c = forget * previousCell[b * h + j] + in * cand;
                    float tc = Matrices.tanh(c);
                    cells[row * h + j] = c;
                    cellTanh[row * h + j] = tc;
                    states[row * h + j] = out * tc;
                }
            }
            System.arraycopy(states, t * mb * h, previous, 0, mb * h);
            System.arraycopy(cells, t * mb * h, previousCell, 0, mb * h);
        }
        return states;
    }

    @Override
    public float[] backward(float[] stateGradient, float[] recurrent, float[] recurrentGradient) {
        int g4 = 4 * h;
        float[] dProjected = new float[steps * mb * g4];
        float[] dhNext = new float[mb * h];
        float[] dcNext = new float[mb * h];
        for (int t = steps - 1; t >= 0; t--) {
            float[] dz = new float[mb * g4];
            for (int b = 0; b < mb; b++) {
                int row = t * mb + b;
                for (int j = 0; j < h; j++) {
                    int s = row * h + j;
                    int pi = row * g4 + j;
                    float in = acts[pi];
                    float forget = acts[pi + h];
                    float out = acts[pi + 2 * h];
                    float cand = acts[pi + 3 * h];
                    float dh = stateGradient[s] + dhNext[b * h + j];
                    float tc = cellTanh[s];
                    float dc = dh * out * (1 - tc * tc) + dcNext[b * h + j];
                    float previousCell = t > 0 ? cells[s - mb * h] : 0f;
                    int zi = b * g4 + j;
                    dz[zi] = dc * cand * in * (1 - in);
                    dz[zi + h] = dc * previousCell * forget * (1 - forget);
                    dz[zi + 2 * h] = dh * tc * out * (1 - out);
                    dz[zi + 3 * h] = dc * in * (1 - cand * cand);
                    dcNext[b * h + j] = dc * forget;
                }
            }
            System.arraycopy(dz, 0, dProjected, t * mb * g4, mb * g4);
            if (t > 0) {
                float[] previous = new float[mb * h];
                System.arraycopy(states, (t - 1) * mb * h, previous, 0, mb * h);
                accumulate(recurrentGradient, Matrices.multiply(previous, mb, h, true, dz, mb, g4, false));
            }
            dhNext = Matrices.multiply(dz, mb, g4, false, recurrent, h, g4, true);
        }
        return dProjected;
    }

    static void accumulate(float[] target, float[] delta) {
        for (int i = 0; i < target.length; i++) {
            target[i] += delta[i];
        }
    }
}
