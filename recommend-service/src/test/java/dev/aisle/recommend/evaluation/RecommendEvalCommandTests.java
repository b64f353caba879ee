package dev.aisle.recommend.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecommendEvalCommandTests {

    @TempDir
    Path dir;

    @Test
    void writesTheJsonContractForARandomSplit() throws Exception {
        Path csv = dir.resolve("ratings.csv");
        Files.write(csv, clusteredRatings());
        Path out = dir.resolve("out.json");

        int code = run("--data", "csv:" + csv, "--protocol", "random-split", "--k", "5",
                "--algorithms", "popular,item-knn,als", "--json", out.toString());

        assertThat(code).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("protocol").asString()).isEqualTo("random-split");
        assertThat(json.get("results")).hasSize(3);
        JsonNode popular = json.get("results").get(0);
        JsonNode als = json.get("results").get(2);
        assertThat(als.get("algorithm").asString()).isEqualTo("als");
        assertThat(als.has("ndcg@5") && als.has("precision@5") && als.has("map@5") && als.has("coverage")).isTrue();
        assertThat(als.has("rmse")).isFalse();
        assertThat(als.get("params").get("factors").asInt()).isEqualTo(128);
        // two taste clusters: a personalised model must clearly beat popularity
        assertThat(als.get("ndcg@5").asDouble()).isGreaterThan(popular.get("ndcg@5").asDouble() + 0.1);
    }

    @Test
    void reportsRatingErrorsUnderKfold() throws Exception {
        Path csv = dir.resolve("ratings.csv");
        Files.write(csv, clusteredRatings());
        Path out = dir.resolve("kfold.json");

        assertThat(run("--data", "csv:" + csv, "--protocol", "kfold-rating", "--folds", "3", "--json",
                out.toString())).isZero();

        JsonNode results = JsonMapper.builder().build().readTree(out.toFile()).get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("rmse").asDouble()).isBetween(0.0, 1.5);
        assertThat(results.get(0).has("ndcg@10")).isFalse();
    }

    @Test
    void trainsTheTwoTowerWithMovieLensItemText() throws Exception {
        List<String> ratings = new ArrayList<>();
        for (String line : clusteredRatings().subList(1, clusteredRatings().size())) {
            String[] f = line.split(",");
            ratings.add(f[0].substring(1) + "\t" + f[1].substring(1) + "\t" + f[2] + "\t" + f[3]);
        }
        Files.write(dir.resolve("u.data"), ratings);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // u.item: id|title|dates|url|19 genre flags; the cluster's genre is flag 1 or 2
            items.add(i + "|Movie " + i + " (1995)|01-Jan-1995||http://x|0|" + (i < 10 ? "1|0" : "0|1")
                    + "|0".repeat(16));
        }
        Files.write(dir.resolve("u.item"), items);
        Files.write(dir.resolve("u.genre"), List.of("unknown|0", "Action|1", "Comedy|2"));
        Path out = dir.resolve("tt.json");

        assertThat(run("--data", "movielens:" + dir.resolve("u.data"), "--k", "5", "--algorithms",
                "popular,two-tower", "--json", out.toString())).isZero();

        JsonNode results = JsonMapper.builder().build().readTree(out.toFile()).get("results");
        JsonNode twoTower = results.get(1);
        assertThat(twoTower.get("algorithm").asString()).isEqualTo("two-tower");
        assertThat(twoTower.get("params").get("item_text").asBoolean()).isTrue();
        assertThat(twoTower.get("ndcg@5").asDouble()).isGreaterThan(results.get(0).get("ndcg@5").asDouble() + 0.1);
    }

    @Test
    void rejectsUnknownAlgorithms() {
        assertThat(run("--data", "csv:x.csv", "--algorithms", "magic")).isEqualTo(2);
    }

    @Test
    void itemKnnHoldsItsNdcgOnMovieLens() throws Exception {
        Path data = datasets().resolve("movielens-100k/u.data");
        Assumptions.assumeTrue(Files.exists(data), "MovieLens-100k not found under " + datasets() + ": skipped");
        Path out = dir.resolve("ml.json");

        run("--data", "movielens:" + data, "--algorithms", "item-knn", "--json", out.toString());

        double ndcg = JsonMapper.builder().build().readTree(out.toFile()).get("results").get(0).get("ndcg@10")
                .asDouble();
        assertThat(ndcg).isBetween(0.36, 0.42);
    }

    private static Path datasets() {
        String env = System.getenv("AISLE_DATASETS");
        return env != null ? Path.of(env) : Path.of("../../shared/datasets").toAbsolutePath().normalize();
    }

    private static int run(String... args) {
        RecommendEvalCommand command = new RecommendEvalCommand();
        command.streams(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        return new CommandLine(command).execute(args);
    }

    /** 30 users, 20 items in two clusters, ratings 3–5 inside the user's cluster. */
    private static List<String> clusteredRatings() {
        Random random = new Random(5);
        List<String> lines = new ArrayList<>(List.of("user,item,rating,timestamp"));
        for (int u = 0; u < 30; u++) {
            int first = u % 2 == 0 ? 0 : 10;
            for (int i = first; i < first + 10; i++) {
                if (random.nextDouble() < 0.7) {
                    lines.add("u" + u + ",i" + i + "," + (3 + random.nextInt(3)) + "," + lines.size());
                }
            }
        }
        return lines;
    }
}
