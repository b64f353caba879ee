package dev.aisle.behavior.prediction.model.neural;

import java.util.Random;

/**
 * The dense part of the next-item network: input projection {@code W_x [e, G·h]}, {@code b_x [G·h]} and the
 * recurrent weights {@code U [h, G·h]} of an LSTM ({@code G = 4}) or GRU ({@code G = 3}) cell, plus the
 * per-item tables.
 */
final class RecurrentNetwork {

    final RecurrentConfig config;
    final float[] inputWeights;
    final float[] recurrentWeights;
    final float[] inputBias;
    final ItemTables tables;
    /** The attention readout's parameters when {@code readout = attention}, else null. */
    final AttentionReadout attention;

    RecurrentNetwork(RecurrentConfig config, float[] inputWeights, float[] recurrentWeights, float[] inputBias,
            ItemTables tables, AttentionReadout attention) {
        this.config = config;
        this.attention = attention;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.inputBias = inputBias;
        this.tables = tables;
        tables.scale = (float) config.scale();
    }

    /**
     * Seeded Glorot-scaled Gaussian weights; the LSTM's forget-gate bias starts at 1 and each item's output bias
     * at {@code log(1 + count)}, so training starts from the popularity ranking.
     */
    static RecurrentNetwork random(RecurrentConfig config, int[] counts) {
        int numItems = counts.length;
        int e = config.embeddingSize();
        int h = config.hiddenSize();
        int g = kernel(config).gates();
        Random random = new Random(config.seed());
        float[] wx = gaussian(random, e * g * h, Math.sqrt(2.0 / (e + h)));
        float[] u = gaussian(random, h * g * h, Math.sqrt(1.0 / h));
        float[] b = new float[g * h];
        if (g == 4) {
            java.util.Arrays.fill(b, h, 2 * h, 1f);
        }
        ItemTables tables = ItemTables.random(numItems, e, h, config.seed() + 1);
        if (config.tied()) {
            tables = new ItemTables(numItems, e, h, tables.embedding, tables.embedding, tables.outputBias);
        }
        for (int i = 0; i < numItems; i++) {
            tables.outputBias[i] = (float) Math.log1p(counts[i]);
        }
        AttentionReadout attention = config.readout().equals("attention")
                ? AttentionReadout.random(h, config.seed() + 2) : null;
        return new RecurrentNetwork(config, wx, u, b, tables, attention);
    }

    private static float[] gaussian(Random random, int size, double std) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    static RecurrentKernel kernel(RecurrentConfig config) {
        return RecurrentKernel.of(config.cell(), config.hiddenSize());
    }

    int gateWidth() {
        return inputBias.length;
    }

    /** {@code X W_x + b_x} for embedded rows {@code X [n, e]}. */
    float[] project(float[] embedded, int rows) {
        float[] projected = Matrices.multiply(embedded, rows, config.embeddingSize(), false, inputWeights,
                config.embeddingSize(), gateWidth(), false);
        int g = gateWidth();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < g; j++) {
                projected[r * g + j] += inputBias[j];
            }
        }
        return projected;
    }

    /** States {@code [T·mb, h]} after every step of a time-major batch (a fresh kernel, so thread-safe). */
    float[] states(SequenceBatches.Batch batch, RecurrentKernel kernel) {
        float[] x = tables.embed(batch.items());
        float[] projected = project(x, batch.items().length);
        float[] states = kernel.forward(projected, recurrentWeights, batch.rows(), batch.steps());
        if (attention != null) {
            int h = config.hiddenSize();
            float[] readout = attention.forward(states, x, batch.rows(), batch.steps(), batch.positions()).readout;
            for (int i = 0; i < batch.positions().length; i++) {
                System.arraycopy(readout, i * h, states, batch.positions()[i] * h, h);
            }
        } else if (config.readout().equals("mean")) {
            int h = config.hiddenSize();
            float[] means = prefixMeans(x, batch.rows(), batch.steps(), batch.positions(), h);
            for (int i = 0; i < batch.positions().length; i++) {
                for (int k = 0; k < h; k++) {
                    states[batch.positions()[i] * h + k] += means[i * h + k];
                }
            }
        }
        return states;
    }

    RecurrentNetwork copy() {
        return new RecurrentNetwork(config, inputWeights.clone(), recurrentWeights.clone(), inputBias.clone(),
                tables.copy(), attention == null ? null : attention.copy());
    }

    /**
     * For each valid position {@code t·mb + b}, the mean of the embedded inputs {@code x[t'·mb + b]}, {@code t' ≤ t}
     * (the session so far, as STAMP's and SR-GNN's session memory), rows of {@code [positions, e]}.
     */
    static float[] prefixMeans(float[] x, int mb, int steps, int[] positions, int e) {
        float[] cumulative = x.clone();
        for (int t = 1; t < steps; t++) {
            for (int b = 0; b < mb; b++) {
                int row = (t * mb + b) * e;
                int previous = ((t - 1) * mb + b) * e;
                for (int k = 0; k < e; k++) {
                    cumulative[row + k] += cumulative[previous + k];
                }
            }
        }
        float[] means = new float[positions.length * e];
        for (int i = 0; i < positions.length; i++) {
            float inverse = 1f / (positions[i] / mb + 1);
            for (int k = 0; k < e; k++) {
                means[i * e + k] = cumulative[positions[i] * e + k] * inverse;
            }
        }
        return means;
    }

    /** Adds the gradient of {@link #prefixMeans} for {@code ∂L/∂means} to {@code dx} {@code [mb·steps, e]}. */
    static void addPrefixMeanGradient(float[] dx, float[] dMeans, int mb, int steps, int[] positions, int e) {
        float[] g = new float[dx.length];
        for (int i = 0; i < positions.length; i++) {
            float inverse = 1f / (positions[i] / mb + 1);
            for (int k = 0; k < e; k++) {
                g[positions[i] * e + k] += dMeans[i * e + k] * inverse;
            }
        }
        for (int t = steps - 2; t >= 0; t--) {
            for (int b = 0; b < mb; b++) {
                int row = (t * mb + b) * e;
                int next = ((t + 1) * mb + b) * e;
                for (int k = 0; k < e; k++) {
                    g[row + k] += g[next + k];
                }
            }
        }
        for (int i = 0; i < dx.length; i++) {
            dx[i] += g[i];
        }
    }
}
