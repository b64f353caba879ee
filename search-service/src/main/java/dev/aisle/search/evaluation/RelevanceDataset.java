package dev.aisle.search.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A relevance-judgment file: Kaggle Home Depot {@code train.csv} (Latin-1; product_uid, product_title, search_term,
 * relevance 1–3) or CrowdFlower {@code train.csv} (query, product_title, product_description, median_relevance
 * 1–4; products are identified by their title).
 *
 * @param name {@code homedepot} or {@code crowdflower}
 * @param titles product id → title, every distinct product of the file
 * @param queries judged queries in file order, grades shifted so the dataset's minimum grade is 0
 */
record RelevanceDataset(String name, Map<String, String> titles, List<JudgedQuery> queries) {

    static RelevanceDataset read(String format, Path path) throws IOException {
        return switch (format) {
            case "homedepot" -> read(format, path, StandardCharsets.ISO_8859_1, "search_term", "product_uid",
                    "product_title", "relevance");
            case "crowdflower" -> read(format, path, StandardCharsets.UTF_8, "query", null, "product_title",
                    "median_relevance");
            default -> throw new IllegalArgumentException(
                    "unknown format " + format + ", expected homedepot or crowdflower");
        };
    }

    private static RelevanceDataset read(String name, Path path, Charset charset, String queryColumn,
            String idColumn, String titleColumn, String gradeColumn) throws IOException {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byQuery = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(path, charset); CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                String title = record.get(titleColumn).strip();
                String id = idColumn == null ? "t" + Integer.toHexString(title.hashCode()) + "-" + title.length()
                        : record.get(idColumn).strip();
                double grade;
                try {
                    grade = Double.parseDouble(record.get(gradeColumn).strip());
                } catch (NumberFormatException e) {
                    throw new IOException(path + ":" + parser.getCurrentLineNumber() + ": bad grade "
                            + record.get(gradeColumn), e);
                }
                min = Math.min(min, grade);
                titles.putIfAbsent(id, title);
                byQuery.computeIfAbsent(record.get(queryColumn).strip(), q -> new LinkedHashMap<>())
                        .merge(id, grade, Math::max);
            }
        }
        List<JudgedQuery> queries = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> entry : byQuery.entrySet()) {
            Map<String, Double> shifted = new LinkedHashMap<>();
            final double base = min;
            entry.getValue().forEach((id, grade) -> shifted.put(id, grade - base));
            queries.add(new JudgedQuery(entry.getKey(), shifted));
        }
        return new RelevanceDataset(name, titles, queries);
    }
}
