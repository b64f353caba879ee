package dev.aisle.search.ranking;

import java.util.List;

/** Turns texts into L2-normalised dense vectors of a fixed dimension. */
public interface TextEncoder extends AutoCloseable {

    /** Vectors of the texts, in order; each has {@link #dimension()} entries and unit length. */
    float[][] encode(List<String> texts);

    /** Vector of one text. */
    default float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    /** Length of every vector. */
    int dimension();

    /** Name of the model, used to key cached vectors. */
    String modelName();

    @Override
    default void close() {
    }
}
