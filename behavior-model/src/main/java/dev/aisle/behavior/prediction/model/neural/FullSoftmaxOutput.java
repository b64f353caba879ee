package dev.aisle.behavior.prediction.model.neural;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The output layer trained with the exact cross-entropy over the whole catalogue (no sampling), as GRU4Rec with
 * cross-entropy loss and NARM do: {@code L = -1/P Σ_p log softmax(S_p W^T + b)[target_p]} with
 * {@code ∂L/∂logits = (softmax - onehot) / P}, {@code ∂L/∂W = ∂L/∂logits^T S}, {@code ∂L/∂S = ∂L/∂logits W}.
 * The logits of at most {@link #CHUNK} states are materialised at once ({@code CHUNK × n} floats) and every
 * product is one BLAS call into a preallocated buffer; {@code W} and {@code b} live in ND4J during training with
 * dense Adam (every row gets a gradient at every step) and are copied back into the item tables by {@link #sync}.
 * With tied tables ({@code W = E}, Press &amp; Wolf 2017) the input-embedding gradients of the step's items are added
 * to {@code ∂L/∂W} before the one Adam step ({@link #applyTied}), and the updated table is copied into the
 * embedding array every step, because the next minibatch embeds its inputs from it.
 */
final class FullSoftmaxOutput {

    /** States whose logits are held at once: 1,024 × 43k items ≈ 176 MB. */
    static final int CHUNK = 1024;

    private final ItemTables tables;
    private final int n;
    private final int h;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    private final INDArray logitBuffer;
    private final GradientUpdater<?> weightAdam;
    private final GradientUpdater<?> biasAdam;
    private final boolean tied;
    private final Adam adam;
    private int iteration;

    FullSoftmaxOutput(ItemTables tables, double learningRate, boolean tied) {
        this.tables = tables;
        this.tied = tied;
        this.n = tables.numItems;
        this.h = tables.hiddenSize;
        this.weights = Nd4j.create(tables.outputWeights.clone(), new long[] {n, h}, 'c');
        this.bias = Nd4j.create(tables.outputBias.clone(), new long[] {1, n}, 'c');
        this.weightGradient = Nd4j.create(DataType.FLOAT, new long[] {n, h}, 'c');
        this.biasGradient = Nd4j.create(DataType.FLOAT, new long[] {1, n}, 'c');
        this.logitBuffer = Nd4j.create(DataType.FLOAT, new long[] {CHUNK, n}, 'c');
        this.adam = new Adam(learningRate);
        this.weightAdam = adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2L * n * h), true);
        this.biasAdam = adam.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2L * n), true);
    }

    /** Sets the Adam step size of {@code W, b} (both updaters share this configuration). */
    void setLearningRate(double value) {
        adam.setLearningRate(value);
    }

    /**
     * Loss and gradients for the states {@code [P, h]} and their targets; takes one Adam step on {@code W, b}
     * unless the tables are tied (then {@link #applyTied} takes it).
     * @param stateGradient receives {@code ∂L/∂S} {@code [P, h]}
     * @return the summed (not averaged) loss
     */
    double step(float[] states, int p, int[] targets, float[] stateGradient) {
        double loss = 0;
        float scale = 1f / p;
        for (int from = 0; from < p; from += CHUNK) {
            int rows = Math.min(CHUNK, p - from);
            float[] part = new float[rows * h];
            System.arraycopy(states, from * h, part, 0, rows * h);
            INDArray s = Matrices.wrap(part, rows, h);
            INDArray logits = rows == CHUNK ? logitBuffer
                    : logitBuffer.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            Nd4j.gemm(s, weights, logits, false, true, 1.0, 0.0);
            logits.addiRowVector(bias);
            Nd4j.exec(new SoftMax(logits, logits, 1));
            for (int i = 0; i < rows; i++) {
                int t = targets[from + i];
                float prob = logits.getFloat(i, t);
                loss -= Math.log(Math.max(prob, 1e-30f));
                logits.putScalar(i, t, prob - 1f);
            }
            logits.muli(scale);
            Nd4j.gemm(logits, s, weightGradient, true, false, 1.0, from == 0 ? 0.0 : 1.0);
            INDArray rowSums = logits.sum(true, 0);
            if (from == 0) {
                biasGradient.assign(rowSums);
            } else {
                biasGradient.addi(rowSums);
            }
            INDArray ds = Nd4j.create(DataType.FLOAT, new long[] {rows, h}, 'c');
            Nd4j.gemm(logits, weights, ds, false, false, 1.0, 0.0);
            ds.data().asNioFloat().get(stateGradient, from * h, rows * h);
        }
        if (!tied) {
            applyAdam();
        }
        return loss;
    }

    /**
     * Tied tables: adds the summed input-embedding gradient rows {@code sums[i·h …]} of {@code items[0 … count)}
     * to {@code ∂L/∂W}, takes the Adam step and copies {@code W} into the shared embedding array.
     */
    void applyTied(int[] items, float[] sums, int count) {
        for (int i = 0; i < count; i++) {
            INDArray row = weightGradient.getRow(items[i]);
            row.addi(Nd4j.create(java.util.Arrays.copyOfRange(sums, i * h, (i + 1) * h), new long[] {h}));
        }
        applyAdam();
        weights.data().asNioFloat().get(0, tables.embedding, 0, n * h);
    }

    private void applyAdam() {
        INDArray flatWeightGradient = weightGradient.reshape('c', 1, (long) n * h);
        weightAdam.applyUpdater(flatWeightGradient, iteration, 0);
        weights.subi(flatWeightGradient.reshape('c', n, h));
        biasAdam.applyUpdater(biasGradient, iteration, 0);
        bias.subi(biasGradient);
        iteration++;
    }

    /** Copies the trained {@code W, b} into the item tables (before validation, copying or saving). */
    void sync() {
        weights.data().asNioFloat().get(tables.outputWeights, 0, n * h);
        bias.data().asNioFloat().get(tables.outputBias, 0, n);
        tables.outputChanged();
    }
}
