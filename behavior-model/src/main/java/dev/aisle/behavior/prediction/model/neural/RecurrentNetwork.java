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

    RecurrentNetwork(RecurrentConfig config, float[] inputWeights, float[] recurrentWeights, float[] inputBias,
            ItemTables tables) {
        this.config = config;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.inputBias = inputBias;
        this.tables = tables;
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
        return new RecurrentNetwork(config, wx, u, b, tables);
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
        float[] projected = project(tables.embed(batch.items()), batch.items().length);
        return kernel.forward(projected, recurrentWeights, batch.rows(), batch.steps());
    }

    RecurrentNetwork copy() {
        return new RecurrentNetwork(config, inputWeights.clone(), recurrentWeights.clone(), inputBias.clone(),
                tables.copy());
    }
}
