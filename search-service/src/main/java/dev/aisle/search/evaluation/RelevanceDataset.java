package dev.aisle.search.evaluation;

import dev.aisle.common.dataset.RelevanceJudgment;
import dev.aisle.common.dataset.RelevanceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A relevance-judgment file read by common-model's {@link RelevanceReader}: Kaggle Home Depot {@code train.csv}
 * (grades 1–3) or CrowdFlower {@code train.csv} (grades 1–4, products identified by their content).
 *
 * @param name {@code homedepot} or {@code crowdflower}
 * @param titles product id → title, every distinct product of the file
 * @param queries judged queries in file order, grades shifted so the dataset's minimum grade is 0
 */
record RelevanceDataset(String name, Map<String, String> titles, List<JudgedQuery> queries) {

    static RelevanceDataset read(String format, Path path) throws IOException {
        List<RelevanceJudgment> judgments = switch (format) {
            case "homedepot" -> RelevanceReader.readHomeDepot(path);
            case "crowdflower" -> RelevanceReader.readCrowdFlower(path);
            default -> throw new IllegalArgumentException(
                    "unknown format " + format + ", expected homedepot or crowdflower");
        };
        double min = judgments.stream().mapToDouble(RelevanceJudgment::grade).min().orElse(0);
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byQuery = new LinkedHashMap<>();
        for (RelevanceJudgment j : judgments) {
            titles.putIfAbsent(j.productId(), j.title() == null ? "" : j.title().strip());
            byQuery.computeIfAbsent(j.query().strip(), q -> new LinkedHashMap<>())
                    .merge(j.productId(), j.grade() - min, Math::max);
        }
        List<JudgedQuery> queries = new ArrayList<>();
        byQuery.forEach((query, grades) -> queries.add(new JudgedQuery(query, grades)));
        return new RelevanceDataset(format, titles, queries);
    }
}
