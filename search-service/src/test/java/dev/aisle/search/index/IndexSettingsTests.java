package dev.aisle.search.index;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IndexSettingsTests {

    @Test
    void rejectsBOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexSettings(1.2f, 1.5f, 3, 2, 1, 1))
                .withMessage("illegal b value: 1.5, must be between 0 and 1");
    }

    @Test
    void rejectsNegativeK1() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexSettings(-1f, 0.75f, 3, 2, 1, 1))
                .withMessageStartingWith("illegal k1 value");
    }

    @Test
    void rejectsNegativeBoost() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexSettings(1.2f, 0.75f, -3, 2, 1, 1))
                .withMessageStartingWith("illegal boost value");
    }
}
