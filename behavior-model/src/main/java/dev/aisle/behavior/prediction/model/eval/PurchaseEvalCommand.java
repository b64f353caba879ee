package dev.aisle.behavior.prediction.model.eval;

import dev.aisle.behavior.prediction.model.purchase.LogisticPurchaseModel;
import dev.aisle.behavior.prediction.model.purchase.LstmPurchaseModel;
import dev.aisle.behavior.prediction.model.purchase.PurchaseIntentModel;
import dev.aisle.common.metric.Auc;
import dev.aisle.simulator.ShopSimulator;
import dev.aisle.simulator.SimulationParameters;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval purchase}: purchase-intent AUC of the LSTM classifier and the logistic-regression baseline on
 * simulated shop sessions, trained on the earlier 80% of sessions and tested on the later 20%.
 */
@Command(name = "purchase", mixinStandardHelpOptions = true,
        description = "Evaluate purchase-intent models (ROC AUC) on simulated sessions.")
public class PurchaseEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "2000", description = "simulated shoppers (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--days", defaultValue = "30", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--products", defaultValue = "2000", description = "catalogue size (default ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--epochs", defaultValue = "8", description = "LSTM epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "simulation and training seed")
    long seed;

    @Option(names = "--json", description = "write the results as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SimulationParameters parameters = SimulationParameters.defaults().withUsers(users).withDays(days)
                .withProducts(products).withSeed(seed);
        SimulatedPurchaseSessions all = SimulatedPurchaseSessions.from(new ShopSimulator(parameters));
        int cut = (int) (all.sessions().size() * 0.8);
        SimulatedPurchaseSessions train = all.slice(0, cut);
        SimulatedPurchaseSessions test = all.slice(cut, all.sessions().size());
        out.printf("simulated: %d sessions (%d train, %d test), purchase rate %.3f%n", all.sessions().size(),
                cut, test.sessions().size(), all.purchaseRate());
        out.flush();
        List<Map<String, Object>> results = new ArrayList<>();
        for (PurchaseIntentModel model : List.of(new LogisticPurchaseModel(1e-3, 500),
                new LstmPurchaseModel(32, epochs, 64, 0.005, 50, seed))) {
            long start = System.nanoTime();
            model.fit(train.sessions(), train.purchased());
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] scores = new double[test.sessions().size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = model.probability(test.sessions().get(i));
            }
            double auc = Auc.of(scores, test.purchased());
            out.printf("%-9s AUC %.4f  train %.1f s%n", model.name(), auc, seconds);
            out.flush();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", model.name());
            row.put("auc", Math.round(auc * 10_000) / 10_000.0);
            row.put("train_seconds", Math.round(seconds * 100) / 100.0);
            row.put("params", model.params());
            results.add(row);
        }
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("dataset", "simulator users=" + users + " days=" + days + " products=" + products + " seed="
                    + seed);
            report.put("sessions", all.sessions().size());
            report.put("purchase_rate", all.purchaseRate());
            report.put("results", results);
            Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report));
        }
        return 0;
    }
}
