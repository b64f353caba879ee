package dev.aisle.common.feature;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class VectorsTests {

    @Test
    void computesDotProductsAndNorms() {
        float[] a = { 1, 2, 3, 4, 5 };
        float[] b = { 5, 4, 3, 2, 1 };

        assertThat(Vectors.dot(a, b)).isEqualTo(35f);
        assertThat(Vectors.norm(new float[] { 3, 4 })).isEqualTo(5f);
        assertThat(Vectors.dot(a, 1, b, 2, 3)).isEqualTo(2 * 3 + 3 * 2 + 4 * 1);
    }

    @Test
    void normalisesToUnitLengthAndLeavesZeroVectorsAlone() {
        float[] a = Vectors.normalizeInPlace(new float[] { 3, 4 });

        assertThat(a).containsExactly(new float[] { 0.6f, 0.8f }, within(1e-6f));
        assertThat(Vectors.normalizeInPlace(new float[] { 0, 0 })).containsExactly(0f, 0f);
    }

    @Test
    void computesCosineSimilarity() {
        assertThat(Vectors.cosine(new float[] { 1, 0 }, new float[] { 1, 1 })).isCloseTo((float) Math.sqrt(0.5),
                within(1e-6f));
        assertThat(Vectors.cosine(new float[] { 1, 2 }, new float[] { -2, -4 })).isCloseTo(-1f, within(1e-6f));
        assertThat(Vectors.cosine(new float[] { 0, 0 }, new float[] { 1, 1 })).isZero();
    }

    @Test
    void addsAScaledVector() {
        float[] y = { 1, 1, 1 };

        Vectors.axpy(2f, new float[] { 1, 2, 3 }, y);

        assertThat(y).containsExactly(3f, 5f, 7f);
    }

    @Test
    void rejectsVectorsOfDifferentLengths() {
        assertThatIllegalArgumentException().isThrownBy(() -> Vectors.dot(new float[2], new float[3]))
                .withMessageContaining("2 != 3");
    }
}
