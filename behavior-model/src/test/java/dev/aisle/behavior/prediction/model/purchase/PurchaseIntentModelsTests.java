package dev.aisle.behavior.prediction.model.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.common.metric.Auc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PurchaseIntentModelsTests {

    /** Sessions whose buyers linger on product pages and put things in the cart; others browse quickly. */
    record Sample(List<List<SessionEventFeatures>> sessions, boolean[] purchased) {
    }

    static Sample shoppers(int count, long seed) {
        Random random = new Random(seed);
        List<List<SessionEventFeatures>> sessions = new ArrayList<>();
        boolean[] purchased = new boolean[count];
        for (int s = 0; s < count; s++) {
            boolean buyer = random.nextDouble() < 0.3;
            purchased[s] = buyer;
            List<SessionEventFeatures> events = new ArrayList<>();
            int length = 2 + random.nextInt(8);
            for (int e = 0; e < length; e++) {
                boolean cart = buyer ? random.nextDouble() < 0.3 : random.nextDouble() < 0.05;
                double dwell = (buyer ? 40 : 15) * (0.5 + random.nextDouble());
                events.add(new SessionEventFeatures(cart ? "add_to_cart" : "view", dwell,
                        10 + random.nextInt(90), "c" + random.nextInt(4)));
            }
            sessions.add(events);
        }
        return new Sample(sessions, purchased);
    }

    private static double auc(PurchaseIntentModel model, Sample test) {
        double[] scores = new double[test.sessions().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.probability(test.sessions().get(i));
        }
        return Auc.of(scores, test.purchased());
    }

    @Test
    void logisticRegressionSeparatesBuyersFromBrowsers() {
        LogisticPurchaseModel model = new LogisticPurchaseModel(1e-3, 300);
        Sample train = shoppers(800, 1);
        model.fit(train.sessions(), train.purchased());
        assertThat(auc(model, shoppers(400, 2))).isGreaterThan(0.9);
    }

    @Test
    void lstmSeparatesBuyersFromBrowsers() {
        LstmPurchaseModel model = new LstmPurchaseModel(16, 5, 50, 0.01, 20, 42);
        Sample train = shoppers(500, 1);
        model.fit(train.sessions(), train.purchased());
        assertThat(auc(model, shoppers(400, 2))).isGreaterThan(0.9);
    }

    @Test
    void savedModelsPredictIdentically() throws IOException {
        Sample train = shoppers(200, 3);
        for (PurchaseIntentModel model : List.of(new LogisticPurchaseModel(1e-3, 50),
                new LstmPurchaseModel(8, 1, 32, 0.01, 20, 42))) {
            model.fit(train.sessions(), train.purchased());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PurchaseIntentModels.write(model, new DataOutputStream(bytes));
            PurchaseIntentModel loaded = PurchaseIntentModels.read(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            List<SessionEventFeatures> session = train.sessions().get(0);
            assertThat(loaded.probability(session)).isEqualTo(model.probability(session));
        }
    }
}
