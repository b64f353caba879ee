package dev.aisle.behavior.prediction.model.neural;

/**
 * Hyperparameters of the recurrent next-item models.
 * @param cell {@code lstm} or {@code gru}
 * @param embeddingSize item embedding width (default 100)
 * @param hiddenSize recurrent state width (default 100)
 * @param epochs maximum training epochs (default 5); early stopping may end sooner
 * @param batchSize sessions per minibatch (default 256)
 * @param learningRate Adam step size (default 0.01; 0.002 learned far slower on Diginetica)
 * @param maxLength longest sequence fed at once; longer sessions are cut into windows (default 20)
 * @param validationShare share of the last training sessions held out for early stopping (default 0.1)
 * @param validationCases at most this many validation prefixes are scored per epoch (default 20,000)
 * @param patience epochs without validation gain before stopping (default 1)
 * @param negatives extra sampled negatives per minibatch besides the batch's own targets (default 1,024)
 * @param seed seeds weight initialisation, ND4J and shuffling (default 42)
 */
public record RecurrentConfig(String cell, int embeddingSize, int hiddenSize, int epochs, int batchSize,
        double learningRate, int maxLength, double validationShare, int validationCases, int patience, int negatives, long seed) {

    public RecurrentConfig {
        if (!cell.equals("lstm") && !cell.equals("gru")) {
            throw new IllegalArgumentException("illegal cell value: " + cell + ", must be lstm or gru");
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
        return new RecurrentConfig(cell, 100, 100, 5, 256, 0.01, 20, 0.1, 20_000, 1, 1024, 42);
    }

    /** A copy with another epoch budget. */
    public RecurrentConfig withEpochs(int value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, value, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, seed);
    }

    /** A copy with other sizes, batch, learning rate and negatives. */
    public RecurrentConfig with(int embedding, int hidden, int batch, double rate, int sampled) {
        return new RecurrentConfig(cell, embedding, hidden, epochs, batch, rate, maxLength, validationShare,
                validationCases, patience, sampled, seed);
    }

    /** A copy with another validation share. */
    public RecurrentConfig withValidationShare(double share) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength, share,
                validationCases, patience, negatives, seed);
    }

    /** A copy with another seed. */
    public RecurrentConfig withSeed(long value) {
        return new RecurrentConfig(cell, embeddingSize, hiddenSize, epochs, batchSize, learningRate, maxLength,
                validationShare, validationCases, patience, negatives, value);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("illegal " + name + " value: " + value + ", must be at least 1");
        }
    }
}
