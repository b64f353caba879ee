package dev.aisle.behavior.prediction.model.neural;

/**
 * GRU (Cho et al., 2014), the cell of GRU4Rec: {@code r, u = σ(XP_{r,u} + h_{t-1} U_{r,u})},
 * {@code ĥ = tanh(XP_c + (r⊙h_{t-1}) U_c)}, {@code h_t = u⊙h_{t-1} + (1-u)⊙ĥ}.
 */
final class GruKernel implements RecurrentKernel {

    private final int h;
    private float[] reset;
    private float[] update;
    private float[] candidate;
    private float[] states;
    private int mb;
    private int steps;

    GruKernel(int hidden) {
        this.h = hidden;
    }

    @Override
    public int gates() {
        return 3;
    }

    /** Columns {@code [from, from+width)} of {@code U [h, 3h]} as a row-major {@code [h, width]} block. */
    private float[] block(float[] recurrent, int from, int width) {
        float[] out = new float[h * width];
        for (int r = 0; r < h; r++) {
            System.arraycopy(recurrent, r * 3 * h + from, out, r * width, width);
        }
        return out;
    }

    @Override
    public float[] forward(float[] projected, float[] recurrent, int mb, int steps) {
        this.mb = mb;
        this.steps = steps;
        float[] gatesU = block(recurrent, 0, 2 * h);
        float[] candU = block(recurrent, 2 * h, h);
        reset = new float[steps * mb * h];
        update = new float[steps * mb * h];
        candidate = new float[steps * mb * h];
        states = new float[steps * mb * h];
        float[] previous = new float[mb * h];
        for (int t = 0; t < steps; t++) {
            float[] a = Matrices.multiply(previous, mb, h, false, gatesU, h, 2 * h, false);
            float[] resetState = new float[mb * h];
            for (int b = 0; b < mb; b++) {
                int row = t * mb + b;
                for (int j = 0; j < h; j++) {
                    int p = row * 3 * h + j;
                    float r = Matrices.sigmoid(a[b * 2 * h + j] + projected[p]);
                    float u = Matrices.sigmoid(a[b * 2 * h + h + j] + projected[p + h]);
                    reset[row * h + j] = r;
                    update[row * h + j] = u;
                    resetState[b * h + j] = r * previous[b * h + j];
                }
            }
            float[] c = Matrices.multiply(resetState, mb, h, false, candU, h, h, false);
            for (int b = 0; b < mb; b++) {
                int row = t * mb + b;
                for (int j = 0; j < h; j++) {
                    int s = row * h + j;
                    float cand = Matrices.tanh(c[b * h + j] + projected[row * 3 * h + 2 * h + j]);
                    candidate[s] = cand;
                    states[s] = update[s] * previous[b * h + j] + (1 - update[s]) * cand;
                }
            }
            System.arraycopy(states, t * mb * h, previous, 0, mb * h);
        }
        return states;
    }

    @Override
    public float[] backward(float[] stateGradient, float[] recurrent, float[] recurrentGradient) {
        float[] gatesU = block(recurrent, 0, 2 * h);
        float[] candU = block(recurrent, 2 * h, h);
        float[] dProjected = new float[steps * mb * 3 * h];
        float[] dhNext = new float[mb * h];
        float[] dGatesU = new float[h * 2 * h];
        float[] dCandU = new float[h * h];
        for (int t = steps - 1; t >= 0; t--) {
            float[] previous = new float[mb * h];
            if (t > 0) {
                System.arraycopy(states, (t - 1) * mb * h, previous, 0, mb * h);
            }
            float[] dc = new float[mb * h];
            float[] dPrevious = new float[mb * h];
            float[] dh = new float[mb * h];
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    int s = (t * mb + b) * h + j;
                    int q = b * h + j;
                    dh[q] = stateGradient[s] + dhNext[q];
                    float cand = candidate[s];
                    dc[q] = dh[q] * (1 - update[s]) * (1 - cand * cand);
                    dPrevious[q] = dh[q] * update[s];
                }
            }
            float[] resetState = new float[mb * h];
            for (int b = 0; b < mb; b++) {
                for (int j = 0; j < h; j++) {
                    resetState[b * h + j] = reset[(t * mb + b) * h + j] * previous[b * h + j];
                }
            }
            LstmKernel.accumulate(dCandU, Matrices.multiply(resetState, mb, h, true, dc, mb, h, false));
            float[] dResetState = Matrices.multiply(dc, mb, h, false, candU, h, h, true);
            float[] da = new float[mb * 2 * h];
            for (int b = 0; b < mb; b++) {
                int row = t * mb + b;
                for (int j = 0; j < h; j++) {
                    int s = row * h + j;
                    int q = b * h + j;
                    float r = reset[s];
                    float u = update[s];
                    float dr = dResetState[q] * previous[q];
                    dPrevious[q] += dResetState[q] * r;
                    float du = dh[q] * (previous[q] - candidate[s]);
                    da[b * 2 * h + j] = dr * r * (1 - r);
                    da[b * 2 * h + h + j] = du * u * (1 - u);
                    int p = row * 3 * h + j;
                    dProjected[p] = da[b * 2 * h + j];
                    dProjected[p + h] = da[b * 2 * h + h + j];
                    dProjected[p + 2 * h] = dc[q];
                }
            }
            LstmKernel.accumulate(dGatesU, Matrices.multiply(previous, mb, h, true, da, mb, 2 * h, false));
            LstmKernel.accumulate(dPrevious, Matrices.multiply(da, mb, 2 * h, false, gatesU, h, 2 * h, true));
            dhNext = dPrevious;
        }
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < 2 * h; c++) {
                recurrentGradient[r * 3 * h + c] += dGatesU[r * 2 * h + c];
            }
            for (int c = 0; c < h; c++) {
                recurrentGradient[r * 3 * h + 2 * h + c] += dCandU[r * h + c];
            }
        }
        return dProjected;
    }
}
