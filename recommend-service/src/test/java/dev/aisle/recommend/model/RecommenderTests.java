package dev.aisle.recommend.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RecommenderTests {

    private static final ModelTestData DATA = ModelTestData.clusters();

    static Stream<ModelConfig> personalised() {
        return Stream.of(new ImplicitAls.Config(8, 0.1, 1, 10, 3, true, 2, 1),
                new Bpr.Config(8, 0.05, 0.01, 200, 1),
                new ItemKnn.Config(10, 1, 2),
                new UserKnn.Config(10, 1, 2),
                TwoTowerTests.SMALL);
    }

    @ParameterizedTest
    @MethodSource("personalised")
    void recommendsHeldOutItemsOfTheUsersCluster(ModelConfig config) {
        Recommender model = config.fit(DATA.train);

        // popularity alone finds roughly half of them; each model must do clearly better
        assertThat(DATA.recallAt5(model)).as(config.algorithm()).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @MethodSource("personalised")
    void savedModelPredictsIdentically(ModelConfig config) throws IOException {
        Recommender model = config.fit(DATA.train);

        Recommender loaded = roundTrip(model);

        assertThat(loaded.algorithm()).isEqualTo(model.algorithm());
        for (int u = 0; u < ModelTestData.USERS; u++) {
            assertThat(loaded.score(u)).containsExactly(model.score(u));
        }
        assertThat(loaded.similarItems(3)).containsExactly(model.similarItems(3));
        assertThat(loaded.scoreInteractions(new int[] {1, 2}, new float[] {1, 3}))
                .containsExactly(model.scoreInteractions(new int[] {1, 2}, new float[] {1, 3}));
    }

    @ParameterizedTest
    @MethodSource("personalised")
    void trainingIsReproducible(ModelConfig config) {
        assertThat(config.fit(DATA.train).score(5)).containsExactly(config.fit(DATA.train).score(5));
    }

    @Test
    void alsFoldInRanksTheNewUsersClusterFirst() {
        ImplicitAls als = ImplicitAls.fit(DATA.train, new ImplicitAls.Config(8, 0.1, 1, 10, 3, true, 2, 1));

        float[] s = als.scoreInteractions(new int[] {20, 21, 22}, new float[] {5, 5, 5});
        s[20] = s[21] = s[22] = Float.NEGATIVE_INFINITY;

        double own = java.util.stream.IntStream.range(23, 30).mapToDouble(i -> s[i]).average().orElseThrow();
        double other = java.util.stream.IntStream.range(0, 15).mapToDouble(i -> s[i]).average().orElseThrow();
        assertThat(own).isGreaterThan(other + 0.2);
        assertThat(java.util.Arrays.stream(ModelTestData.top(s, 5)).filter(i -> i >= 15).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void itemKnnSimilarItemsStayInTheCluster() {
        ItemKnn knn = ItemKnn.fit(DATA.train, new ItemKnn.Config(5, 1, 2));

        float[] s = knn.similarItems(2);
        s[2] = Float.NEGATIVE_INFINITY;

        assertThat(java.util.Arrays.stream(ModelTestData.top(s, 5)).boxed().toList()).allSatisfy(i -> assertThat(i).isBetween(0, 14));
    }

    @Test
    void biasedMfRecoversALowRankRatingMatrix() throws IOException {
        int users = 60;
        int items = 40;
        java.util.Random random = new java.util.Random(3);
        double[] a = random.doubles(users).toArray();
        double[] b = random.doubles(items).toArray();
        int n = 0;
        int[] us = new int[users * items];
        int[] is = new int[users * items];
        float[] vs = new float[users * items];
        int[] testU = new int[users * items];
        int[] testI = new int[users * items];
        float[] testV = new float[users * items];
        int t = 0;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                float r = (float) (1 + 4 * a[u] * b[i]);
                if (random.nextDouble() < 0.8) {
                    us[n] = u;
                    is[n] = i;
                    vs[n++] = r;
                } else {
                    testU[t] = u;
                    testI[t] = i;
                    testV[t++] = r;
                }
            }
        }
        Interactions ratings = Interactions.of(users, items, java.util.Arrays.copyOf(us, n),
                java.util.Arrays.copyOf(is, n), java.util.Arrays.copyOf(vs, n));
        BiasedMf mf = BiasedMf.fit(ratings, new BiasedMf.Config(4, 0.02, 0.01, 0.005, 80, 0.97, 1));

        double se = 0;
        double meanOnly = 0;
        for (int k = 0; k < t; k++) {
            se += Math.pow(mf.predict(testU[k], testI[k]) - testV[k], 2);
            meanOnly += Math.pow(2.0 - testV[k], 2);
        }
        assertThat(Math.sqrt(se / t)).isLessThan(0.25).isLessThan(Math.sqrt(meanOnly / t) / 3);
        BiasedMf loaded = (BiasedMf) roundTrip(mf);
        assertThat(loaded.predict(3, 4)).isCloseTo(mf.predict(3, 4), within(0f));
    }

    @Test
    void trendingDecaysOldInteractions() throws IOException {
        long now = 1_000_000;
        Popularity trending = Popularity.trending(3, new int[] {0, 0, 1, 2}, new float[] {1, 1, 1, 1},
                new long[] {now - 7200, now - 7200, now, now - 3600}, now, 3600);

        assertThat(trending.score(0)).containsExactly(0.5f, 1f, 0.5f);
        assertThat(roundTrip(trending).score(0)).containsExactly(trending.score(0));
    }

    @Test
    void contentSimilarityMatchesSharedTerms() throws IOException {
        Interactions none = Interactions.of(1, 3, new int[] {0}, new int[] {0}, new float[] {1});
        ContentSimilarity content = ContentSimilarity.fit(List.of(List.of("red", "running", "shoe"),
                List.of("blue", "running", "shoe"), List.of("kitchen", "knife")), none);

        float[] s = content.similarItems(0);

        assertThat(s[1]).isGreaterThan(0.1f);
        assertThat(s[2]).isZero();
        assertThat(roundTrip(content).similarItems(0)).containsExactly(s);
    }

    @Test
    void configsRejectIllegalValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ImplicitAls.Config(0, 0.1, 1, 1, 1, true, 1, 1))
                .withMessageContaining("must be > 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Bpr.Config(8, -1, 0.01, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ItemKnn.Config(10, -1, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Interactions.of(2, 2, new int[] {2}, new int[] {0}, new float[] {1}));
    }

    @Test
    void duplicatePairsAreSummed() {
        Interactions m = Interactions.of(1, 3, new int[] {0, 0, 0}, new int[] {2, 0, 2}, new float[] {1, 2, 3});

        assertThat(m.itemsOf(0)).containsExactly(0, 2);
        assertThat(m.valuesOf(0)).containsExactly(2f, 4f);
        assertThat(m.itemDegree(2)).isEqualTo(1);
    }

    private static Recommender roundTrip(Recommender model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelIo.save(model, bytes);
        return ModelIo.load(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
