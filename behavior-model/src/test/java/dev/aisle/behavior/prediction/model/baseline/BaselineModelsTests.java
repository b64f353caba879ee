package dev.aisle.behavior.prediction.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.NextItemModels;
import dev.aisle.behavior.prediction.model.Ranking;
import dev.aisle.common.feature.TopK;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineModelsTests {

    /** Items 0–5; item 1 is clicked 4 times, 2 three times, 3 and 4 twice, 0 and 5 once. */
    private static final List<int[]> SESSIONS = List.of(
            new int[] {1, 2, 3},
            new int[] {1, 2, 4},
            new int[] {2, 1, 5},
            new int[] {3, 4, 1, 0});

    private static int[] rank(NextItemModel model, int... prefix) {
        float[] scores = new float[model.numItems()];
        model.score(prefix, scores);
        int[] tieRank = ItemPopularity.of(SESSIONS, 6).tieRank();
        int[] top = TopK.select(scores, model.numItems(), null, tieRank);
        for (int r = 0; r < top.length; r++) {
            assertThat(Ranking.rankOf(scores, top[r], tieRank)).isEqualTo(r + 1);
        }
        return top;
    }

    @Test
    void popularityRanksByClickCount() {
        PopularityModel model = new PopularityModel();
        model.fit(SESSIONS, 6);
        assertThat(rank(model, 5)).containsExactly(1, 2, 3, 4, 0, 5);
    }

    @Test
    void sessionPopularityPutsTheSessionsOwnItemsFirst() {
        SessionPopularityModel model = new SessionPopularityModel();
        model.fit(SESSIONS, 6);
        // 5 twice in the session, 0 once; the rest by popularity
        assertThat(rank(model, 5, 0, 5)).containsExactly(5, 0, 1, 2, 3, 4);
    }

    @Test
    void sequentialRulesWeighSuccessorsByInverseDistance() {
        SequentialRulesModel model = new SequentialRulesModel(10);
        model.fit(SESSIONS, 6);
        // after 1: 2 at distance 1 (twice) = 2; 3 at distance 2 = 0.5; 4 at distance 2 = 0.5; 5 at distance 1 = 1;
        // 0 at distance 1 = 1
        assertThat(model.ruleWeight(1, 2)).isEqualTo(2f);
        assertThat(model.ruleWeight(1, 3)).isEqualTo(0.5f);
        assertThat(model.ruleWeight(2, 1)).isEqualTo(1f);
        assertThat(rank(model, 1)).containsExactly(2, 0, 5, 3, 4, 1);
    }

    @Test
    void sequentialRulesIgnoreSuccessorsBeyondTheStepLimit() {
        SequentialRulesModel model = new SequentialRulesModel(1);
        model.fit(SESSIONS, 6);
        assertThat(model.ruleWeight(3, 1)).isZero();
        assertThat(model.ruleWeight(3, 4)).isEqualTo(1f);
    }

    @Test
    void sessionKnnVotesWithPositionWeightedSimilarity() {
        SessionKnnModel model = new SessionKnnModel(2, 4);
        model.fit(SESSIONS, 6);
        float[] scores = new float[6];
        model.score(new int[] {3, 2}, scores);
        // weights: 3 → 1/2, 2 → 2/2; sim = Σ w / 2 distinct items
        // s0 {1,2,3}: (0.5 + 1) / 2 = 0.75, most recent shared item 2 → d = 1
        // s1 {1,2,4}: 1 / 2 = 0.5 and s2 {1,2,5}: 0.5, d = 1 (the more recent s2 wins the tie);
        // s3 {0,1,3,4}: 0.5 / 2 = 0.25 (not among the k = 2)
        assertThat(scores[1]).isCloseTo(0.75f + 0.5f, within(1e-6f));
        assertThat(scores[2]).isCloseTo(1.25f, within(1e-6f));
        assertThat(scores[3]).isCloseTo(0.75f, within(1e-6f));
        assertThat(scores[5]).isCloseTo(0.5f, within(1e-6f));
        assertThat(scores[4]).isZero();
        assertThat(scores[0]).isZero();
    }

    @Test
    void sessionKnnSamplesOnlyTheMostRecentCandidates() {
        SessionKnnModel model = new SessionKnnModel(1, 1);
        model.fit(SESSIONS, 6);
        float[] scores = new float[6];
        model.score(new int[] {1}, scores);
        // only s3 (the most recent session containing 1) is a candidate: sim = 1 / 1, d = 1
        assertThat(scores).containsExactly(1f, 1f, 0f, 1f, 1f, 0f);
    }

    @Test
    void rejectsIllegalHyperparameters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionKnnModel(0, 10)).withMessageContaining("k");
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionKnnModel(10, 5))
                .withMessageContaining("sampleSize");
        assertThatIllegalArgumentException().isThrownBy(() -> new SequentialRulesModel(0))
                .withMessageContaining("steps");
    }

    @Test
    void savedBaselinesPredictIdentically() throws IOException {
        for (NextItemModel model : List.of(new PopularityModel(), new SessionPopularityModel(),
                new SequentialRulesModel(10), new SessionKnnModel(2, 4))) {
            model.fit(SESSIONS, 6);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            NextItemModels.write(model, new DataOutputStream(bytes));
            NextItemModel loaded = NextItemModels.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            float[] before = new float[6];
            float[] after = new float[6];
            model.score(new int[] {3, 2, 1}, before);
            loaded.score(new int[] {3, 2, 1}, after);
            assertThat(loaded.name()).isEqualTo(model.name());
            assertThat(after).containsExactly(before);
        }
    }
}
