package dev.aisle.behavior.prediction.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.NextItemModels;
import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import dev.aisle.behavior.prediction.model.baseline.SessionKnnModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlendModelTests {

    private static BlendModel blend;

    @BeforeAll
    static void fitOnce() {
        blend = fit();
    }

    private static BlendModel fitted() {
        return blend;
    }

    private static BlendModel fit() {
        RecurrentConfig config = new RecurrentConfig("lstm", 24, 24, 5, 32, 0.02, 10, 0, 1000, 1, 8, 42, "sampled", true, 0, "last", 0, 1);
        BlendModel blend = new BlendModel(new RecurrentNextItemModel(config), false, new SessionKnnModel(10, 50),
                0.2);
        blend.fit(RecurrentNextItemModelTests.tours(500, 5), 24);
        return blend;
    }

    @Test
    void ranksHeldOutSessionsAtLeastAsWellAsSessionKnnAlone() {
        BlendModel blend = fitted();
        SessionKnnModel knn = new SessionKnnModel(10, 50);
        knn.fit(RecurrentNextItemModelTests.tours(500, 5), 24);
        List<PrefixEvaluator.Case> test = new ArrayList<>();
        for (int[] s : RecurrentNextItemModelTests.tours(200, 6)) {
            for (int j = 1; j < s.length; j++) {
                test.add(new PrefixEvaluator.Case(Arrays.copyOf(s, j), s[j]));
            }
        }
        int[] tieRank = ItemPopularity.of(RecurrentNextItemModelTests.tours(500, 5), 24).tieRank();
        double blendMrr = PrefixEvaluator.evaluate(blend, test, 20, tieRank, -1).mrr();
        double knnMrr = PrefixEvaluator.evaluate(knn, test, 20, tieRank, -1).mrr();
        assertThat(blend.lambda()).isBetween(0.0, 1.0);
        assertThat(blendMrr).isGreaterThanOrEqualTo(knnMrr - 0.01);
    }

    @Test
    void savedBlendPredictsIdentically() throws IOException {
        BlendModel blend = fitted();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NextItemModels.write(blend, new DataOutputStream(bytes));
        NextItemModel loaded = NextItemModels.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] before = new float[24];
        float[] after = new float[24];
        blend.score(new int[] {3, 8, 13}, before);
        loaded.score(new int[] {3, 8, 13}, after);
        assertThat(after).containsExactly(before);
    }
}
