package dev.aisle.behavior.prediction.model.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemTablesTests {

    @Test
    void blockedParallelScanOfALargeTableScoresLikeThePlainProduct() {
        // 12,001 items × 200 = 2.4M weights: above the parallel threshold, with a last block shorter than the rest
        int items = 12_001;
        int h = 200;
        ItemTables tables = ItemTables.random(items, h, h, 7);
        Random random = new Random(11);
        for (int i = 0; i < items; i++) {
            tables.outputBias[i] = (float) random.nextGaussian();
        }
        float[] state = new float[h + 3];
        for (int k = 0; k < state.length; k++) {
            state[k] = (float) random.nextGaussian();
        }

        float[] scores = tables.scoreOne(state, 3);

        for (int i = 0; i < items; i++) {
            double expected = tables.outputBias[i];
            for (int k = 0; k < h; k++) {
                expected += (double) tables.outputWeights[i * h + k] * state[3 + k];
            }
            assertThat((double) scores[i]).as("item %d", i).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void oneStateScanAgreesWithTheBatchedNativeProduct() {
        int items = 3_000;
        int h = 16;
        ItemTables tables = ItemTables.random(items, h, h, 3);
        float[] state = new float[h];
        Random random = new Random(5);
        for (int k = 0; k < h; k++) {
            state[k] = (float) random.nextGaussian();
        }

        float[] one = tables.scoreOne(state, 0);
        float[] batched = Matrices.values(tables.scoreAll(Matrices.wrap(state, 1, h)));

        for (int i = 0; i < items; i++) {
            assertThat(one[i]).isCloseTo(batched[i], within(1e-4f));
        }
    }
}
