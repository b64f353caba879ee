package dev.aisle.behavior.prediction.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aisle.behavior.prediction.model.neural.RecurrentConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

class SessionEvalCommandTests {

    @TempDir
    Path dir;

    private static int run(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new SessionEvalCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTheContractJson() throws Exception {
        Files.writeString(dir.resolve("train_sessions.txt"), "1,2,3\n1,2,4\n2,1,5\n3,4,1\n");
        Files.writeString(dir.resolve("test.tsv"), "prefix\ttarget\n1\t2\n3,2\t1\n5\t6\n");
        Path json = dir.resolve("out.json");
        int code = run(new StringWriter(), "--data", "srgnn:" + dir, "--models", "pop,spop,item-knn,sknn", "--k", "2",
                "--json", json.toString());
        assertThat(code).isZero();
        Map<String, Object> report = JsonMapper.builder().build().readValue(json.toFile(), Map.class);
        List<Map<String, Object>> results = (List<Map<String, Object>>) report.get("results");
        assertThat(report.get("dataset")).isEqualTo(dir.getFileName().toString());
        assertThat(results).extracting(r -> r.get("model")).containsExactly("pop", "spop", "item-knn", "sknn");
        assertThat(results.get(0)).containsKeys("p@2", "mrr@2", "train_seconds", "params");
        // POP ranks 1 (4 clicks) then 2 (3 clicks): case 1→2 at rank 2, case 3,2→1 at rank 1, 5→6 missed
        assertThat((Double) results.get(0).get("p@2")).isCloseTo(200.0 / 3, within(0.01));
        assertThat((Double) results.get(0).get("mrr@2")).isCloseTo(50.0, within(0.01));
    }

    @Test
    void recurrentOptionsDefaultToTheModelDefaults() {
        SessionEvalCommand command = new SessionEvalCommand();
        new CommandLine(command).parseArgs("--data", "srgnn:" + dir);

        for (String cell : List.of("lstm", "gru")) {
            assertThat(command.config(cell)).isEqualTo(RecurrentConfig.defaults(cell).withEpochs(command.epochs));
        }
    }

    @Test
    void rejectsUnknownModels() {
        StringWriter out = new StringWriter();
        assertThat(run(out, "--data", "srgnn:" + dir, "--models", "pop,narm")).isEqualTo(2);
        assertThat(out.toString()).contains("unknown model 'narm'");
    }

    @Test
    void reproducesTheVsknnReferenceOnDiginetica() {
        Path data = datasets().resolve("diginetica-srgnn");
        Assumptions.assumeTrue(Files.isDirectory(data), "dataset not present: " + data);
        SessionDataset dataset = SessionDataset.readSrGnn(data);
        dev.aisle.behavior.prediction.model.baseline.SessionKnnModel knn =
                new dev.aisle.behavior.prediction.model.baseline.SessionKnnModel(100, 1000);
        knn.fit(dataset.train(), dataset.numItems());
        int[] tieRank = dev.aisle.behavior.prediction.model.ItemPopularity.of(dataset.train(), dataset.numItems())
                .tieRank();
        var result = dev.aisle.behavior.prediction.model.PrefixEvaluator.evaluate(knn, dataset.test(), 20, tieRank,
                dataset.excluded());
        assertThat(100 * result.hitRate()).isCloseTo(51.0, within(0.3));
        assertThat(100 * result.mrr()).isCloseTo(18.0, within(0.3));
    }

    private static Path datasets() {
        String env = System.getenv("AISLE_DATASETS");
        if (env != null) {
            return Path.of(env);
        }
        // tests run in behavior-model/; the datasets live beside the repository root
        return Path.of("..", "..", "shared", "datasets").toAbsolutePath().normalize();
    }
}
