package dev.aisle.behavior.prediction.training;

import dev.aisle.behavior.prediction.model.NextItemModel;
import dev.aisle.behavior.prediction.model.baseline.PopularityModel;
import dev.aisle.behavior.prediction.model.baseline.SequentialRulesModel;
import dev.aisle.behavior.prediction.model.baseline.SessionKnnModel;
import dev.aisle.behavior.prediction.model.baseline.SessionPopularityModel;
import dev.aisle.behavior.prediction.model.neural.BlendModel;
import dev.aisle.behavior.prediction.model.neural.RecurrentConfig;
import dev.aisle.behavior.prediction.model.neural.RecurrentNextItemModel;
import dev.aisle.behavior.prediction.model.purchase.LogisticPurchaseModel;
import dev.aisle.behavior.prediction.model.purchase.LstmPurchaseModel;
import dev.aisle.behavior.prediction.model.purchase.PurchaseIntentModel;

/** Builds fresh, unfitted candidate models by name from the configuration. */
final class Candidates {

    private Candidates() {
    }

    static NextItemModel nextItem(String name, PredictionProperties p) {
        return switch (name) {
            case "pop" -> new PopularityModel();
            case "spop" -> new SessionPopularityModel();
            case "item-knn" -> new SequentialRulesModel(p.rulesSteps());
            case "sknn" -> new SessionKnnModel(p.sknnNeighbours(), p.sknnSampleSize());
            case "lstm", "gru" -> new RecurrentNextItemModel(recurrent(name, p));
            case "blend" -> new BlendModel(new RecurrentNextItemModel(recurrent("lstm", p)), false,
                    new SessionKnnModel(p.sknnNeighbours(), p.sknnSampleSize()));
            default -> throw new IllegalArgumentException("unknown next-item model: " + name
                    + ", must be one of pop, spop, item-knn, sknn, lstm, gru, blend");
        };
    }

    static PurchaseIntentModel purchase(String name, PredictionProperties p) {
        return switch (name) {
            case "logistic" -> new LogisticPurchaseModel(1e-3, 500);
            case "lstm" -> new LstmPurchaseModel(32, p.purchaseLstmEpochs(), 64, 0.005, 50, p.seed());
            default -> throw new IllegalArgumentException("unknown purchase model: " + name
                    + ", must be logistic or lstm");
        };
    }

    private static RecurrentConfig recurrent(String cell, PredictionProperties p) {
        return RecurrentConfig.defaults(cell).withEpochs(p.recurrentEpochs()).withSeed(p.seed())
                .withDropout(p.recurrentDropout()).withReadout(p.recurrentReadout());
    }
}
