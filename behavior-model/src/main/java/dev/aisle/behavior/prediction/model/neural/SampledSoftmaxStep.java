package dev.aisle.behavior.prediction.model.neural;

import java.util.Arrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step of the next-item network with a sampled softmax (Jean et al., ACL 2015): for the valid
 * states {@code S [P, h]} and candidates {@code C}, {@code L = -1/P Σ_p log softmax(S_p W_C^T + b_C - log Q_C)[target_p]}
 * where {@code log Q} is the log probability that each candidate is among the sampled ones (the logQ correction,
 * Bengio &amp; Senécal 2008; Yi et al., RecSys 2019; {@link CandidateSampler#logInclusion}), or zero for the
 * uncorrected variant;
 * {@code ∂L/∂logits = (softmax - onehot) / P} gives the output-row gradients and the state gradient, which is
 * back-propagated through time to the recurrent weights and the input embeddings; all parameters take Adam steps.
 * With tied tables the output-row and input gradients of an item are summed into one embedding update; with the
 * full loss {@link FullSoftmaxOutput} replaces the candidates by every item.
 */
final class SampledSoftmaxStep {

    private final RecurrentNetwork net;
    private final ItemTables tables;
    private final RecurrentKernel kernel;
    private final LazyAdam inputAdam;
    private final LazyAdam recurrentAdam;
    private final LazyAdam biasAdam;
    private final int[] slot;
    private final FullSoftmaxOutput full;
    private final CandidateSampler logQ;
    private final boolean tied;
    private final boolean meanReadout;
    private final LazyAdam[] attentionAdam;
    private final java.util.SplittableRandom random;
    private long step;

    /**
     * @param full exact softmax over every item ({@link FullSoftmaxOutput}) instead of sampled candidates
     * @param logQ when sampling, the sampler whose expected counts correct the logits, or null for none
     */
    SampledSoftmaxStep(RecurrentNetwork net, double learningRate, boolean full, CandidateSampler logQ) {
        this.net = net;
        this.tables = net.tables;
        this.kernel = RecurrentNetwork.kernel(net.config);
        tables.startTraining(learningRate);
        this.tied = net.config.tied();
        this.meanReadout = net.config.readout().equals("mean");
        this.full = full ? new FullSoftmaxOutput(tables, learningRate, tied) : null;
        this.logQ = logQ;
        this.random = new java.util.SplittableRandom(net.config.seed() + 7);
        inputAdam = new LazyAdam(net.inputWeights.length, learningRate);
        recurrentAdam = new LazyAdam(net.recurrentWeights.length, learningRate);
        biasAdam = new LazyAdam(net.inputBias.length, learningRate);
        AttentionReadout a = net.attention;
        attentionAdam = a == null ? new LazyAdam[0] : new LazyAdam[] {new LazyAdam(a.query.length, learningRate),
            new LazyAdam(a.key.length, learningRate), new LazyAdam(a.bias.length, learningRate),
            new LazyAdam(a.vector.length, learningRate)};
        this.slot = new int[tables.numItems];
        Arrays.fill(slot, -1);
    }

    /** Sets the Adam step size of every parameter for the following steps (a learning-rate schedule). */
    void setLearningRate(double value) {
        inputAdam.setLearningRate(value);
        recurrentAdam.setLearningRate(value);
        biasAdam.setLearningRate(value);
        for (LazyAdam adam : attentionAdam) {
            adam.setLearningRate(value);
        }
        tables.setLearningRate(value);
        if (full != null) {
            full.setLearningRate(value);
        }
    }

    /**
     * The native scratch memory of one step: every ND4J array a step creates (the products' operands and results,
     * copied back into Java arrays before the step ends) lives in this thread's workspace, reused from step to step,
     * instead of a fresh native allocation per product (a tenth of a training profile). The usual DL4J training
     * workspace: sized over the first steps, over-allocated for the larger batches, reallocated when one outgrows it.
     */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.5)
            .policyLearning(LearningPolicy.OVER_TIME)
            .cyclesBeforeInitialization(3)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    /** Trains on one batch and returns its mean loss. */
    double fit(SequenceBatches.Batch batch, CandidateSampler.Candidates candidates) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            return fitInWorkspace(batch, candidates);
        }
    }

    private static final String WORKSPACE_ID = "aisle-next-item-step";

    /** Frees this thread's step workspace once training is over (a service trains on a long-lived thread). */
    static void releaseWorkspace() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(WORKSPACE_ID)) {
            Nd4j.getWorkspaceManager().destroyWorkspace(
                    Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(WORKSPACE_ID));
        }
    }

    private double fitInWorkspace(SequenceBatches.Batch batch, CandidateSampler.Candidates candidates) {
        step++;
        int h = tables.hiddenSize;
        int e = tables.embeddingSize;
        int g = net.gateWidth();
        int rows = batch.items().length;
        int p = batch.positions().length;
        float[] x = tables.embed(batch.items());
        float[] inputMask = dropout(x);
        float[] all = kernel.forward(net.project(x, rows), net.recurrentWeights, batch.rows(), batch.steps());
        float[] valid = new float[p * h];
        AttentionReadout.Pass attention = null;
        if (net.attention != null) {
            attention = net.attention.forward(all, x, batch.rows(), batch.steps(), batch.positions());
            System.arraycopy(attention.readout, 0, valid, 0, valid.length);
        } else {
            for (int i = 0; i < p; i++) {
                System.arraycopy(all, batch.positions()[i] * h, valid, i * h, h);
            }
        }
        if (meanReadout) {
            float[] means = RecurrentNetwork.prefixMeans(x, batch.rows(), batch.steps(), batch.positions(), e);
            for (int i = 0; i < valid.length; i++) {
                valid[i] += means[i];
            }
        }
        float[] stateMask = dropout(valid);
        double loss;
        float[] dStates;
        int[] outputItems = new int[0];
        float[] outputGradient = new float[0];
        if (full != null) {
            dStates = new float[p * h];
            loss = full.step(valid, p, batch.targets(), dStates);
        } else {
            int c = candidates.items().length;
            float[] weights = tables.outputRows(candidates.items());
            float scale = tables.scale;
            float[] weightNorms = scale > 0 ? Matrices.normalizeRows(weights, c, h) : null;
            float[] readout = valid;
            float[] stateNorms = null;
            if (scale > 0) {
                readout = valid.clone();
                stateNorms = Matrices.normalizeRows(readout, p, h);
            }
            float[] logits = Matrices.multiply(readout, p, h, false, weights, c, h, true);
            if (scale > 0) {
                for (int i = 0; i < logits.length; i++) {
                    logits[i] *= scale;
                }
            }
            loss = softmaxGradient(logits, p, c, candidates);
            float[] dWeights = Matrices.multiply(logits, p, c, true, readout, p, h, false);
            dStates = Matrices.multiply(logits, p, c, false, weights, c, h, false);
            if (scale > 0) {
                Matrices.normalizedGradient(dWeights, weights, weightNorms, c, h, scale);
                Matrices.normalizedGradient(dStates, readout, stateNorms, p, h, scale);
            }
            float[] dOutputBias = new float[c];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < c; j++) {
                    dOutputBias[j] += logits[i * c + j];
                }
            }
            for (int j = 0; j < c; j++) {
                if (tied) {
                    tables.updateOutputBias(candidates.items()[j], dOutputBias[j], step);
                } else {
                    tables.updateOutput(candidates.items()[j], dWeights, j * h, dOutputBias[j], step);
                }
            }
            if (tied) {
                outputItems = candidates.items();
                outputGradient = dWeights;
            }
        }
        applyMask(dStates, stateMask);
        float[] stateGradient = new float[all.length];
        float[] dxAttention = null;
        if (attention != null) {
            dxAttention = new float[x.length];
            AttentionReadout.Gradients d = attention.backward(dStates, stateGradient, dxAttention);
            AttentionReadout a = net.attention;
            attentionAdam[0].update(a.query, 0, d.query(), 0, a.query.length, step);
            attentionAdam[1].update(a.key, 0, d.key(), 0, a.key.length, step);
            attentionAdam[2].update(a.bias, 0, d.bias(), 0, a.bias.length, step);
            attentionAdam[3].update(a.vector, 0, d.vector(), 0, a.vector.length, step);
        } else {
            for (int i = 0; i < p; i++) {
                System.arraycopy(dStates, i * h, stateGradient, batch.positions()[i] * h, h);
            }
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
        if (meanReadout) {
            RecurrentNetwork.addPrefixMeanGradient(dx, dStates, batch.rows(), batch.steps(), batch.positions(), e);
        }
        if (dxAttention != null) {
            for (int i = 0; i < dx.length; i++) {
                dx[i] += dxAttention[i];
            }
        }
        applyMask(dx, inputMask);
        inputAdam.update(net.inputWeights, 0, dInput, 0, dInput.length, step);
        recurrentAdam.update(net.recurrentWeights, 0, dRecurrent, 0, dRecurrent.length, step);
        biasAdam.update(net.inputBias, 0, dBias, 0, dBias.length, step);
        updateEmbeddings(batch, dx, outputItems, outputGradient);
        tables.outputChanged();
        return loss / p;
    }

    /** Turns logits into {@code (softmax - onehot) / P} in place and returns the summed loss. */
    private double softmaxGradient(float[] logits, int p, int c, CandidateSampler.Candidates candidates) {
        double loss = 0;
        float[] correction = new float[c];
        for (int j = 0; j < c; j++) {
            int item = candidates.items()[j];
            correction[j] = tables.outputBias[item]
                    - (logQ == null ? 0f : (float) logQ.logInclusion(item, p, net.config.negatives()));
        }
        for (int i = 0; i < p; i++) {
            int row = i * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                logits[row + j] += correction[j];
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

    /**
     * Inverted dropout (Srivastava et al., JMLR 2014) in place: each entry is zeroed with probability {@code r}
     * and the rest scaled by {@code 1/(1-r)}; returns the mask for the backward pass, or null when {@code r = 0}.
     */
    private float[] dropout(float[] values) {
        double rate = net.config.dropout();
        if (rate <= 0) {
            return null;
        }
        float keep = (float) (1 / (1 - rate));
        float[] mask = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = random.nextDouble() < rate ? 0f : keep;
            values[i] *= mask[i];
        }
        return mask;
    }

    private static void applyMask(float[] gradient, float[] mask) {
        if (mask != null) {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= mask[i];
            }
        }
    }

    /** Writes weights held outside the item tables back into them. */
    void sync() {
        if (full != null) {
            full.sync();
        }
    }

    /**
     * Sums the input gradient per distinct item (plus, with tied tables, the output-row gradient of the
     * candidates), then updates each item's embedding row once.
     */
    private void updateEmbeddings(SequenceBatches.Batch batch, float[] dx, int[] outputItems,
            float[] outputGradient) {
        int e = tables.embeddingSize;
        int[] items = new int[batch.positions().length + outputItems.length];
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
        for (int j = 0; j < outputItems.length; j++) {
            int item = outputItems[j];
            if (slot[item] < 0) {
                slot[item] = n;
                items[n++] = item;
            }
            int at = slot[item] * e;
            for (int k = 0; k < e; k++) {
                sums[at + k] += outputGradient[j * e + k];
            }
        }
        if (full != null && tied) {
            full.applyTied(items, sums, n);
        }
        for (int i = 0; i < n; i++) {
            if (full == null || !tied) {
                tables.updateEmbedding(items[i], sums, i * e, step);
            }
            slot[items[i]] = -1;
        }
    }
}
