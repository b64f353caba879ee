package dev.aisle.behavior.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.aisle.behavior.prediction.model.baseline.SequentialRulesModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPredictorTests {

    private static final List<List<String>> SESSIONS = List.of(
            List.of("shoe", "sock", "lace"),
            List.of("shoe", "sock"),
            List.of("hat", "scarf"),
            List.of("shoe", "lace"));

    private static SessionPredictor predictor() {
        return SessionPredictor.fit(SESSIONS, new SequentialRulesModel(10));
    }

    @Test
    void predictsSuccessorsOfTheLastKnownItem() {
        NextItemPrediction prediction = predictor().predictNext(List.of("hat", "shoe"), 2);
        // after shoe: sock 1 + 1, lace 0.5 + 1 (distance 2 in the first session, 1 in the last)
        assertThat(prediction.items()).extracting(ScoredItem::itemId).containsExactly("sock", "lace");
        assertThat(prediction.model()).isEqualTo("item-knn");
        assertThat(prediction.unknownItems()).isEmpty();
    }

    @Test
    void ignoresAndReportsUnknownItems() {
        NextItemPrediction prediction = predictor().predictNext(List.of("shoe", "umbrella"), 1);
        assertThat(prediction.items()).extracting(ScoredItem::itemId).containsExactly("sock");
        assertThat(prediction.unknownItems()).containsExactly("umbrella");
    }

    @Test
    void fallsBackToPopularityWithoutKnownItems() {
        NextItemPrediction prediction = predictor().predictNext(List.of("umbrella"), 2);
        assertThat(prediction.model()).isEqualTo("pop");
        assertThat(prediction.items()).extracting(ScoredItem::itemId).containsExactly("shoe", "sock");
    }

    @Test
    void rejectsNonPositiveN() {
        assertThatIllegalArgumentException().isThrownBy(() -> predictor().predictNext(List.of("shoe"), 0))
                .withMessageContaining("n");
    }

    @Test
    void savedPredictorAnswersIdentically() throws IOException {
        SessionPredictor predictor = predictor();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        predictor.save(bytes);
        SessionPredictor loaded = SessionPredictor.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(loaded.predictNext(List.of("hat", "shoe"), 4)).isEqualTo(predictor.predictNext(List.of("hat",
                "shoe"), 4));
        assertThat(loaded.predictNext(List.of(), 3)).isEqualTo(predictor.predictNext(List.of(), 3));
    }
}
