package dev.aisle.common.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RatingMetricsTests {

    private static final double[] PREDICTED = { 3, 4, 5 };

    private static final double[] ACTUAL = { 2, 4, 3 };

    @Test
    void computesRootMeanSquaredError() {
        // errors 1, 0, 2: sqrt(5 / 3)
        assertThat(RatingMetrics.rmse(PREDICTED, ACTUAL)).isCloseTo(1.2909944487358056, within(1e-12));
    }

    @Test
    void computesMeanAbsoluteError() {
        assertThat(RatingMetrics.mae(PREDICTED, ACTUAL)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void isUndefinedForEmptyInput() {
        assertThat(RatingMetrics.rmse(new double[0], new double[0])).isNaN();
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatIllegalArgumentException().isThrownBy(() -> RatingMetrics.mae(new double[1], new double[2]));
    }
}
