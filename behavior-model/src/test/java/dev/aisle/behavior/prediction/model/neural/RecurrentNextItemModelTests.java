package dev.aisle.behavior.prediction.model.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.NextItemModels;
import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrentNextItemModelTests {

    private static final int ITEMS = 24;

    /**
     * Two interleaved "tours": sessions start anywhere and step +1 (even start) or +5 (odd start) modulo 24, so
     * the next item depends on the session's first steps, not only on the last item.
     */
    static List<int[]> tours(int count, long seed) {
        Random random = new Random(seed);
        List<int[]> sessions = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int start = random.nextInt(ITEMS);
            int stride = start % 2 == 0 ? 1 : 5;
            int[] session = new int[3 + random.nextInt(5)];
            for (int i = 0; i < session.length; i++) {
                session[i] = (start + i * stride) % ITEMS;
            }
            sessions.add(session);
        }
        return sessions;
    }

    /**
     * {@code cell}, optionally {@code cell:loss:tied|untied[:dropout[:readout[:scale]]]}; the default is the shipped one (sampled softmax,
     * tied tables).
     */
    private static RecurrentConfig smallConfig(String variant) {
        String[] parts = variant.split(":");
        String loss = parts.length > 1 ? parts[1] : "sampled";
        boolean tied = parts.length <= 2 || parts[2].equals("tied");
        double dropout = parts.length > 3 ? Double.parseDouble(parts[3]) : 0;
        String readout = parts.length > 4 ? parts[4] : "last";
        return new RecurrentConfig(parts[0], 24, 24, 12, 32, 0.02, 10, 0, 1000, 1, 8, 42, loss, tied, dropout, readout,
                parts.length > 5 ? Double.parseDouble(parts[5]) : 0, 1);
    }

    private static List<PrefixEvaluator.Case> cases(List<int[]> sessions) {
        List<PrefixEvaluator.Case> cases = new ArrayList<>();
        for (int[] s : sessions) {
            for (int j = 2; j < s.length; j++) {
                cases.add(new PrefixEvaluator.Case(Arrays.copyOf(s, j), s[j]));
            }
        }
        return cases;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "lstm:full:untied", "gru:sampled-uncorrected:untied", "lstm:sampled:untied",
        "lstm:sampled:tied:0.2", "lstm:sampled:tied:0:mean", "gru:sampled:tied:0.2:mean", "lstm:full:tied",
        "lstm:sampled:tied:0.2:mean:16", "lstm:sampled:tied:0.2:attention"})
    void learnsWhichTourASessionIsOn(String cell) {
        List<int[]> train = tours(600, 1);
        RecurrentNextItemModel model = new RecurrentNextItemModel(smallConfig(cell));
        model.fit(train, ITEMS);
        int[] tieRank = ItemPopularity.of(train, ITEMS).tieRank();
        PrefixEvaluator.Result top1 = PrefixEvaluator.evaluate(model, cases(tours(200, 2)), 1, tieRank, -1);
        // a successor-count model cannot exceed ~50% here: every item is followed by both +1 and +5
        assertThat(top1.hitRate()).isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "lstm:full:untied", "lstm:sampled:tied:0:mean",
        "gru:sampled:tied:0:last:16", "lstm:sampled:tied:0.2:attention"})
    void savedModelPredictsIdentically(String cell) throws IOException {
        RecurrentNextItemModel model = new RecurrentNextItemModel(smallConfig(cell).withEpochs(2));
        model.fit(tours(100, 3), ITEMS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NextItemModels.write(model, new DataOutputStream(bytes));
        NextItemModel loaded = NextItemModels.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] before = new float[ITEMS];
        float[] after = new float[ITEMS];
        model.score(new int[] {4, 5, 6}, before);
        loaded.score(new int[] {4, 5, 6}, after);
        assertThat(loaded.name()).isEqualTo(cell.split(":")[0]);
        assertThat(after).containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "lstm:full:untied", "gru:sampled:tied:0.2"})
    void sameSeedTrainsTheSameModel(String cell) {
        float[][] scores = new float[2][ITEMS];
        for (int run = 0; run < 2; run++) {
            RecurrentNextItemModel model = new RecurrentNextItemModel(smallConfig(cell).withEpochs(1));
            model.fit(tours(100, 4), ITEMS);
            model.score(new int[] {1, 2}, scores[run]);
        }
        assertThat(scores[1]).containsExactly(scores[0]);
    }

    @Test
    void learningRateDecayIsSavedWithTheModelAndChangesTraining() throws IOException {
        RecurrentConfig constant = smallConfig("lstm").withEpochs(3);
        RecurrentNextItemModel decayed = new RecurrentNextItemModel(constant.withDecay(0.5));
        decayed.fit(tours(100, 5), ITEMS);
        RecurrentNextItemModel plain = new RecurrentNextItemModel(constant);
        plain.fit(tours(100, 5), ITEMS);
        float[] withDecay = new float[ITEMS];
        float[] without = new float[ITEMS];
        decayed.score(new int[] {3, 4}, withDecay);
        plain.score(new int[] {3, 4}, without);
        // epochs 2 and 3 take half and a quarter of the step: the weights must differ from the constant-rate run
        assertThat(withDecay).isNotEqualTo(without);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NextItemModels.write(decayed, new DataOutputStream(bytes));
        NextItemModel loaded = NextItemModels.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(loaded.params()).containsEntry("decay", 0.5);
    }

    @Test
    void aSpentTimeBudgetStopsTrainingAfterTheFirstEpoch() {
        RecurrentNextItemModel model = new RecurrentNextItemModel(smallConfig("lstm").withEpochs(5))
                .withTimeBudget(java.time.Duration.ZERO);
        model.fit(tours(100, 6), ITEMS);
        assertThat(model.params()).containsEntry("epochs_run", 1).containsEntry("stopped_by_budget", true);

        RecurrentNextItemModel unbounded = new RecurrentNextItemModel(smallConfig("lstm").withEpochs(2))
                .withTimeBudget(java.time.Duration.ofHours(1));
        unbounded.fit(tours(100, 6), ITEMS);
        assertThat(unbounded.params()).containsEntry("epochs_run", 2).doesNotContainKey("stopped_by_budget");
    }

    @Test
    void rejectsADecayOutsideZeroToOne() {
        assertThatThrownBy(() -> smallConfig("lstm").withDecay(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decay");
        assertThatThrownBy(() -> smallConfig("lstm").withDecay(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decay");
    }
}
