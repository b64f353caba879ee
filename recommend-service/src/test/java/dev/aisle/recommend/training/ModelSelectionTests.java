package dev.aisle.recommend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.recommend.evaluation.HeldOutRanking;
import dev.aisle.recommend.model.ImplicitAls;
import dev.aisle.recommend.model.Interactions;
import dev.aisle.recommend.model.ItemKnn;
import dev.aisle.recommend.model.ModelConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelSelectionTests {

    private static final int USERS = 60;
    private static final int ITEMS = 40;
    private static final ImplicitAls.Config WEAK_ALS = new ImplicitAls.Config(1, 0.1, 1, 1, 1, true, 2, 1);
    private static final ItemKnn.Config KNN = new ItemKnn.Config(10, 1, 2);

    private final Interactions train;
    private final int[] heldItem = new int[USERS];

    /** Two taste clusters; each user's last cluster item is held back. */
    ModelSelectionTests() {
        Random random = new Random(5);
        List<int[]> pairs = new ArrayList<>();
        Arrays.fill(heldItem, -1);
        for (int u = 0; u < USERS; u++) {
            int first = u % 2 == 0 ? 0 : ITEMS / 2;
            List<Integer> liked = new ArrayList<>();
            for (int i = first; i < first + ITEMS / 2; i++) {
                if (random.nextDouble() < 0.5) {
                    liked.add(i);
                }
            }
            heldItem[u] = liked.remove(liked.size() - 1);
            for (int i : liked) {
                pairs.add(new int[] {u, i});
            }
        }
        float[] ones = new float[pairs.size()];
        Arrays.fill(ones, 1);
        train = Interactions.of(USERS, ITEMS, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray(), ones);
    }

    @Test
    void scoresTheServedConfigurationOnTheSameSlice() {
        ModelSelection.Outcome outcome = ModelSelection.select(train, heldItem, List.of(WEAK_ALS), KNN, 10, 42);

        HeldOutRanking.Scores retrained = HeldOutRanking.evaluate(KNN.fit(train), train, heldItem, 10, 42);
        assertThat(outcome.served().ndcg()).isEqualTo(retrained.ndcg());
        assertThat(outcome.best().config()).isEqualTo(WEAK_ALS);
    }

    @Test
    void rejectsAChallengerThatValidatesWorseThanTheServedModel() {
        ModelSelection.Outcome outcome = ModelSelection.select(train, heldItem, List.of(WEAK_ALS), KNN, 10, 42);

        assertThat(outcome.best().ndcg()).isLessThan(outcome.served().ndcg());
        assertThat(outcome.accept()).isFalse();
    }

    @Test
    void picksTheBestCandidateAndAcceptsItWhenNotWorse() {
        ModelSelection.Outcome outcome = ModelSelection.select(train, heldItem, List.of(WEAK_ALS, KNN), WEAK_ALS, 10,
                42);

        assertThat(outcome.best().config()).isEqualTo(KNN);
        assertThat(outcome.accept()).isTrue();
        assertThat(outcome.report()).containsEntry("served_algorithm", "als").containsKey("candidates_ndcg");
    }

    @Test
    void sameConfigurationIsTrainedOnceAndAccepted() {
        ModelSelection.Outcome outcome = ModelSelection.select(train, heldItem, List.of(KNN), KNN, 10, 42);

        assertThat(outcome.served().scores()).isSameAs(outcome.best().scores());
        assertThat(outcome.accept()).isTrue();
    }

    @Test
    void acceptsTheBestWhenNothingIsServedOrNothingIsHeldBack() {
        int[] none = new int[USERS];
        Arrays.fill(none, -1);

        assertThat(ModelSelection.select(train, heldItem, List.<ModelConfig>of(KNN), null, 10, 42).accept()).isTrue();
        ModelSelection.Outcome blind = ModelSelection.select(train, none, List.of(WEAK_ALS), KNN, 10, 42);
        assertThat(blind.accept()).isTrue();
        assertThat(blind.best().scores()).isNull();
    }
}
