package dev.aisle.behavior.prediction.model.neural;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training step of the next-item network with a sampled softmax (Jean et al., ACL 2015): for the valid
 * states {@code S [P, h]} and candidates {@code C}, {@code L = -1/P Σ_p log softmax(S_p W_C^T + b_C)[target_p]};
 * {@code ∂L/∂logits = (softmax - onehot) / P} gives the output-row gradients and the state gradient, which is
 * back-propagated through time to the recurrent weights and the input embeddings; all parameters take Adam steps.
 */
final class SampledSoftmaxStep {

    private final RecurrentNetwork net;
    private final ItemTables tables;
    private final RecurrentKernel kernel;
    private final LazyAdam inputAdam;
    private final LazyAdam recurrentAdam;
    private final LazyAdam biasAdam;
    private final int[] slot;
    private long step;

    SampledSoftmaxStep(RecurrentNetwork net, double learningRate) {
        this.net = net;
        this.tables = net.tables;
        this.kernel = RecurrentNetwork.kernel(net.config);
        tables.startTraining(learningRate);
        inputAdam = new LazyAdam(net.inputWeights.length, learningRate);
        recurrentAdam = new LazyAdam(net.recurrentWeights.length, learningRate);
        biasAdam = new LazyAdam(net.inputBias.length, learningRate);
        this.slot = new int[tables.numItems];
        Arrays.fill(slot, -1);
    }

    /** Trains on one batch and returns its mean loss. */
    double fit(SequenceBatches.Batch batch, CandidateSampler.Candidates candidates) {
        step++;
        int h = tables.hiddenSize;
        int e = tables.embeddingSize;
        int g = net.gateWidth();
        int rows = batch.items().length;
        int p = batch.positions().length;
        int c = candidates.items().length;
        float[] x = tables.embed(batch.items());
        float[] all = kernel.forward(net.project(x, rows), net.recurrentWeights, batch.rows(), batch.steps());
        float[] valid = new float[p * h];
        for (int i = 0; i < p; i++) {
            System.arraycopy(all, batch.positions()[i] * h, valid, i * h, h);
        }
        INDArray states = Matrices.wrap(valid, p, h);
        INDArray weights = tables.outputRows(candidates.items());
        float[] logits = states.mmul(weights.transpose()).dup('c').data().asFloat();
        double loss = softmaxGradient(logits, p, c, candidates);
        INDArray dLogits = Matrices.wrap(logits, p, c);
        float[] dWeights = dLogits.transpose().mmul(states).dup('c').data().asFloat();
        float[] dStates = dLogits.mmul(weights).dup('c').data().asFloat();
        float[] stateGradient = new float[all.length];
        for (int i = 0; i < p; i++) {
            System.arraycopy(dStates, i * h, stateGradient, batch.positions()[i] * h, h);
        }
        float[] dRecurrent = new float[net.recurrentWeights.length];
        float[] dProjected = kernel.backward(stateGradient, net.recurrentWeights, dRecurrent);
        float[] dInput = Matrices.multiply(x, rows, e, true, dProjected, rows, g, false);
        float[] dBias = new float[g];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < g; j++) {
                dBias[j] += dProjected[r * g + j];
            }
        }
        float[] dx = Matrices.multiply(dProjected, rows, g, false, net.inputWeights, e, g, true);
        inputAdam.update(net.inputWeights, 0, dInput, 0, dInput.length, step);
        recurrentAdam.update(net.recurrentWeights, 0, dRecurrent, 0, dRecurrent.length, step);
        biasAdam.update(net.inputBias, 0, dBias, 0, dBias.length, step);
        float[] dOutputBias = new float[c];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < c; j++) {
                dOutputBias[j] += logits[i * c + j];
            }
        }
        for (int j = 0; j < c; j++) {
            tables.updateOutput(candidates.items()[j], dWeights, j * h, dOutputBias[j], step);
        }
        updateEmbeddings(batch, dx);
        return loss / p;
    }

    /** Turns logits into {@code (softmax - onehot) / P} in place and returns the summed loss. */
    private double softmaxGradient(float[] logits, int p, int c, CandidateSampler.Candidates candidates) {
        double loss = 0;
        for (int i = 0; i < p; i++) {
            int row = i * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                logits[row + j] += tables.outputBias[candidates.items()[j]];
                max = Math.max(max, logits[row + j]);
            }
            int label = candidates.labels()[i];
            double target = logits[row + label] - max;
            double sum = 0;
            for (int j = 0; j < c; j++) {
                float exp = (float) Math.exp(logits[row + j] - max);
                logits[row + j] = exp;
                sum += exp;
            }
            loss += -(target - Math.log(sum));
            float scale = (float) (1 / (sum * p));
            for (int j = 0; j < c; j++) {
                logits[row + j] *= scale;
            }
            logits[row + label] -= 1f / p;
        }
        return loss;
    }

    /** Sums the input gradient per distinct item, then updates each item's embedding row once. */
    private void updateEmbeddings(SequenceBatches.Batch batch, float[] dx) {
        int e = tables.embeddingSize;
        int[] items = new int[batch.positions().length];
        float[] sums = new float[items.length * e];
        int n = 0;
        for (int position : batch.positions()) {
            int item = batch.items()[position];
            if (slot[item] < 0) {
                slot[item] = n;
                items[n++] = item;
            }
            int at = slot[item] * e;
            for (int k = 0; k < e; k++) {
                sums[at + k] += dx[position * e + k];
            }
        }
        for (int i = 0; i < n; i++) {
            tables.updateEmbedding(items[i], sums, i * e, step);
            slot[items[i]] = -1;
        }
    }
}
