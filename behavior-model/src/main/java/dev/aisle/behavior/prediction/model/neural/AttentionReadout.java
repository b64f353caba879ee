package dev.aisle.behavior.prediction.model.neural;

import java.util.Random;

/**
 * Attention readout over the session's items, the global preference of NARM (Li et al., CIKM 2017) and SR-GNN
 * (Wu et al., AAAI 2019, eq. 6) with softmax-normalised weights: for the state {@code h_t} after prefix
 * {@code s_1 … s_t} with embedded items {@code x_j},
 * <pre>
 *   z_j = σ(A_1 h_t + A_2 x_j + c),   a_j = v · z_j,   α = softmax(a_1 … a_t),   r_t = h_t + Σ_j α_j x_j
 * </pre>
 * With {@code v = 0} (the initial value) the weights are uniform and {@code r_t} is the mean readout
 * ({@link RecurrentNetwork#prefixMeans}); training learns which of the session's items matter for the next one.
 * The readout lives in the (tied) item space, so the score includes the item-item similarity {@code x_j · e(i)}.
 * Time-major layout as everywhere here: row {@code t·mb + b} is step {@code t} of sequence {@code b}.
 */
final class AttentionReadout {

    final int width;
    /** {@code A_1 [h, w]}. */
    final float[] query;
    /** {@code A_2 [e, w]}. */
    final float[] key;
    /** {@code c [w]}. */
    final float[] bias;
    /** {@code v [w]}. */
    final float[] vector;

    AttentionReadout(int width, float[] query, float[] key, float[] bias, float[] vector) {
        this.width = width;
        this.query = query;
        this.key = key;
        this.bias = bias;
        this.vector = vector;
    }

    /** Seeded Gaussian {@code A_1, A_2} (std {@code 1/√h}), zero {@code c} and {@code v} (uniform weights). */
    static AttentionReadout random(int hidden, long seed) {
        Random random = new Random(seed);
        double std = 1 / Math.sqrt(hidden);
        float[] a1 = new float[hidden * hidden];
        float[] a2 = new float[hidden * hidden];
        for (int i = 0; i < a1.length; i++) {
            a1[i] = (float) (random.nextGaussian() * std);
            a2[i] = (float) (random.nextGaussian() * std);
        }
        return new AttentionReadout(hidden, a1, a2, new float[hidden], new float[hidden]);
    }

    AttentionReadout copy() {
        return new AttentionReadout(width, query.clone(), key.clone(), bias.clone(), vector.clone());
    }

    /** Gradients of the four parameter arrays, same shapes. */
    record Gradients(float[] query, float[] key, float[] bias, float[] vector) {
    }

    /**
     * The readout of each valid position.
     * @param states {@code [T·mb, h]} recurrent states
     * @param x {@code [T·mb, h]} embedded inputs
     * @param positions flat rows of the valid positions
     */
    Pass forward(float[] states, float[] x, int mb, int steps, int[] positions) {
        return new Pass(states, x, mb, steps, positions);
    }

    /** One forward pass, keeping what its backward pass needs. */
    final class Pass {

        private final float[] x;
        private final int mb;
        private final int[] positions;
        private final int h;
        private final float[] last;
        /** {@code σ(...)} per position and context step, {@code [P, T, w]}. */
        private final float[] gates;
        /** {@code α} per position and context step, {@code [P, T]}. */
        private final float[] weights;
        private final int steps;
        /** {@code r_t} per position, {@code [P, h]}. */
        final float[] readout;

        private Pass(float[] states, float[] x, int mb, int steps, int[] positions) {
            this.x = x;
            this.mb = mb;
            this.steps = steps;
            this.positions = positions;
            int w = width;
            this.h = x.length / (mb * steps);
            int p = positions.length;
            last = new float[p * h];
            for (int i = 0; i < p; i++) {
                System.arraycopy(states, positions[i] * h, last, i * h, h);
            }
            float[] queries = Matrices.multiply(last, p, h, false, query, h, w, false);
            float[] keys = Matrices.multiply(x, mb * steps, h, false, key, h, w, false);
            gates = new float[p * steps * w];
            weights = new float[p * steps];
            readout = last.clone();
            for (int i = 0; i < p; i++) {
                int t = positions[i] / mb;
                int b = positions[i] % mb;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j <= t; j++) {
                    int row = j * mb + b;
                    int at = (i * steps + j) * w;
                    float score = 0;
                    for (int k = 0; k < w; k++) {
                        float z = Matrices.sigmoid(queries[i * w + k] + keys[row * w + k] + bias[k]);
                        gates[at + k] = z;
                        score += vector[k] * z;
                    }
                    weights[i * steps + j] = score;
                    max = Math.max(max, score);
                }
                double sum = 0;
                for (int j = 0; j <= t; j++) {
                    float exp = (float) Math.exp(weights[i * steps + j] - max);
                    weights[i * steps + j] = exp;
                    sum += exp;
                }
                for (int j = 0; j <= t; j++) {
                    float alpha = (float) (weights[i * steps + j] / sum);
                    weights[i * steps + j] = alpha;
                    int row = (j * mb + b) * h;
                    for (int k = 0; k < h; k++) {
                        readout[i * h + k] += alpha * x[row + k];
                    }
                }
            }
        }

        /**
         * Back-propagates {@code ∂L/∂r} {@code [P, h]}: adds {@code ∂L/∂h_t} (the direct term and the query's) to
         * {@code stateGradient} {@code [T·mb, h]} at the positions, the context's gradient to {@code dx}
         * {@code [T·mb, h]}, and returns the parameter gradients.
         */
        Gradients backward(float[] dReadout, float[] stateGradient, float[] dx) {
            int w = width;
            int p = positions.length;
            float[] dQueries = new float[p * w];
            float[] dKeys = new float[mb * steps * w];
            float[] dVector = new float[w];
            float[] dScores = new float[steps];
            for (int i = 0; i < p; i++) {
                int t = positions[i] / mb;
                int b = positions[i] % mb;
                double mean = 0;
                for (int j = 0; j <= t; j++) {
                    int row = (j * mb + b) * h;
                    float dAlpha = 0;
                    float alpha = weights[i * steps + j];
                    for (int k = 0; k < h; k++) {
                        dAlpha += dReadout[i * h + k] * x[row + k];
                        dx[row + k] += alpha * dReadout[i * h + k];
                    }
                    dScores[j] = dAlpha;
                    mean += alpha * dAlpha;
                }
                for (int j = 0; j <= t; j++) {
                    float dScore = (float) (weights[i * steps + j] * (dScores[j] - mean));
                    int at = (i * steps + j) * w;
                    int keyRow = (j * mb + b) * w;
                    for (int k = 0; k < w; k++) {
                        float z = gates[at + k];
                        dVector[k] += dScore * z;
                        float dz = dScore * vector[k] * z * (1 - z);
                        dQueries[i * w + k] += dz;
                        dKeys[keyRow + k] += dz;
                    }
                }
                for (int k = 0; k < h; k++) {
                    stateGradient[positions[i] * h + k] += dReadout[i * h + k];
                }
            }
            float[] dQuery = Matrices.multiply(last, p, h, true, dQueries, p, w, false);
            float[] dLast = Matrices.multiply(dQueries, p, w, false, query, h, w, true);
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < h; k++) {
                    stateGradient[positions[i] * h + k] += dLast[i * h + k];
                }
            }
            int rows = mb * steps;
            float[] dKey = Matrices.multiply(x, rows, h, true, dKeys, rows, w, false);
            float[] dxKeys = Matrices.multiply(dKeys, rows, w, false, key, h, w, true);
            float[] dBias = new float[w];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < w; k++) {
                    dBias[k] += dKeys[r * w + k];
                }
            }
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dxKeys[i];
            }
            return new Gradients(dQuery, dKey, dBias, dVector);
        }
    }
}
