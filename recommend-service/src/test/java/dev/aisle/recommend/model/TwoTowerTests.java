package dev.aisle.recommend.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwoTowerTests {

    /** Small enough to train in about a second on the cluster data (full softmax over its 30 items; one engine thread). */
    static final TwoTower.Config SMALL = new TwoTower.Config(8, 40, 64, 0.05, 0.001, 4096, 8, false, 0, 4, 1, "cpu",
            1, 0, 3);

    private static final ModelTestData DATA = ModelTestData.clusters();

    @Test
    void beatsPopularityWithItemText() {
        // every item's text names its cluster, so the item tower shares a token embedding within a cluster
        List<List<String>> text = new ArrayList<>();
        for (int i = 0; i < ModelTestData.ITEMS; i++) {
            text.add(List.of(i < ModelTestData.ITEMS / 2 ? "summer" : "winter", "item" + i));
        }
        TwoTower.Config config = new TwoTower.Config(8, 40, 64, 0.05, 0.001, 4096, 8, false, 64, 4, 1, "cpu", 1, 0, 3);

        TwoTower model = TwoTower.fit(DATA.train, text, config);

        double popularity = DATA.recallAt5(Popularity.fit(DATA.train));
        assertThat(DATA.recallAt5(model)).isGreaterThan(0.8).isGreaterThan(popularity + 0.2);
    }

    @Test
    void sampledNegativesStillLearnTheClusters() {
        TwoTower.Config config = new TwoTower.Config(8, 40, 64, 0.05, 0.001, 12, 8, true, 0, 4, 1, "cpu", 1, 0, 3);

        assertThat(DATA.recallAt5(TwoTower.fit(DATA.train, null, config))).isGreaterThan(0.75);
    }

    @Test
    void savedParametersRestoreTheNetwork() throws IOException {
        List<List<String>> text = new ArrayList<>();
        for (int i = 0; i < ModelTestData.ITEMS; i++) {
            text.add(List.of("item" + (i % 7)));
        }
        TwoTower.Config config = new TwoTower.Config(8, 5, 64, 0.05, 0.001, 4096, 8, true, 16, 4, 1, "cpu", 1, 0, 3);
        TwoTower model = TwoTower.fit(DATA.train, text, config);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelIo.save(model, bytes);
        TwoTower loaded = (TwoTower) ModelIo.load(new ByteArrayInputStream(bytes.toByteArray()));

        try (NDManager manager = TwoTowerTraining.engine(1).newBaseManager()) {
            TwoTowerNetwork network = loaded.network(manager);
            TwoTower.ItemText tokens = TwoTower.ItemText.hash(text, ModelTestData.ITEMS, 16, 4);
            float[] vectors = TwoTower.itemVectors(network, tokens, ModelTestData.ITEMS, 8);
            // the restored parameters give the item vectors that were exported at training time
            assertThat(loaded.similarItems(3)).containsExactly(
                    FactorSimilarity.cosine(vectors, ModelTestData.ITEMS, 8, 3));
        }
        for (int u = 0; u < ModelTestData.USERS; u++) {
            assertThat(loaded.score(u)).containsExactly(model.score(u));
        }
    }

    @Test
    void keepsTheBestEpochOnTheEarlyStoppingSlice() {
        TwoTower.Config config = new TwoTower.Config(8, 60, 64, 0.05, 0.001, 4096, 8, false, 0, 4, 1, "cpu", 1, 20,
                2);

        TwoTower model = TwoTower.fit(DATA.train, null, config);

        assertThat((int) model.params().get("epochs_trained")).isBetween(1, 60);
        assertThat(DATA.recallAt5(model)).isGreaterThan(0.75);
    }

    @Test
    void gpuFallsBackToCpuWithoutOne() {
        TwoTower.Config config = new TwoTower.Config(8, 2, 64, 0.05, 0.001, 4096, 8, false, 0, 4, 1, "gpu", 1, 0, 3);

        assertThat(TwoTower.fit(DATA.train, null, config).score(0)).hasSize(ModelTestData.ITEMS);
    }

    @Test
    void rejectsIllegalConfigurations() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TwoTower.Config(8, 2, 64, 0.05, 0, 10, 0, false, 0, 4, 1, "cpu", 1, 0, 3))
                .withMessageContaining("userIds or historyItems");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TwoTower.Config(8, 2, 64, 0.05, 0, 10, 8, false, 0, 4, 1, "tpu", 1, 0, 3))
                .withMessageContaining("must be cpu or gpu");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TwoTower.Config(8, 0, 64, 0.05, 0, 10, 8, false, 0, 4, 1, "cpu", 1, 0, 3));
    }
}
