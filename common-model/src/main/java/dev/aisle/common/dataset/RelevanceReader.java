package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads graded product-search relevance sets: Home Depot (Kaggle 2016) and CrowdFlower (Kaggle 2015). */
public final class RelevanceReader {

    private static final List<String> HOME_DEPOT_HEADER = List.of("id", "product_uid", "product_title",
            "search_term", "relevance");

    private static final List<String> CROWDFLOWER_HEADER = List.of("id", "query", "product_title",
            "product_description", "median_relevance", "relevance_variance");

    private RelevanceReader() {
    }

    /**
     * Reads Home Depot's {@code train.csv} (ISO-8859-1, header {@code id,product_uid,product_title,search_term,
     * relevance}); the product id is {@code product_uid}, the grade {@code relevance} (1–3, averaged).
     */
    public static List<RelevanceJudgment> readHomeDepot(Path file) throws IOException {
        List<RelevanceJudgment> judgments = new ArrayList<>();
        CsvRows.forEach(file, StandardCharsets.ISO_8859_1, (record, line) -> {
            List<String> f = CsvRows.values(record);
            if (record.getRecordNumber() == 1) {
                checkHeader(file, line, f, HOME_DEPOT_HEADER);
                return;
            }
            checkWidth(file, line, f, HOME_DEPOT_HEADER.size());
            judgments.add(new RelevanceJudgment(nonEmpty(file, line, f.get(3), "search_term"),
                    nonEmpty(file, line, f.get(1), "product_uid"), f.get(2), null,
                    LineReader.parseFloat(file, line, f.get(4), "relevance")));
        });
        return judgments;
    }

    /**
     * Reads CrowdFlower's {@code train.csv} (UTF-8, RFC 4180 with quoted newlines, header
     * {@code id,query,product_title,product_description,median_relevance,relevance_variance}); the grade is
     * {@code median_relevance} (1–4) and, as the set has no product ids, the product id is
     * {@link #contentId(String, String)} of title and description.
     */
    public static List<RelevanceJudgment> readCrowdFlower(Path file) throws IOException {
        List<RelevanceJudgment> judgments = new ArrayList<>();
        CsvRows.forEach(file, StandardCharsets.UTF_8, (record, line) -> {
            List<String> f = CsvRows.values(record);
            if (record.getRecordNumber() == 1) {
                checkHeader(file, line, f, CROWDFLOWER_HEADER);
                return;
            }
            checkWidth(file, line, f, CROWDFLOWER_HEADER.size());
            String title = f.get(2);
            String description = f.get(3).isEmpty() ? null : f.get(3);
            judgments.add(new RelevanceJudgment(nonEmpty(file, line, f.get(1), "query"),
                    contentId(title, description), title, description,
                    LineReader.parseFloat(file, line, f.get(4), "median_relevance")));
        });
        return judgments;
    }

    /**
     * A stable id for a product known only by its text: {@code "cf-"} and the first 16 hex digits of
     * SHA-256({@code title + '\0' + description}) (null description as empty).
     */
    public static String contentId(String title, String description) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = (title == null ? "" : title) + '\0' + (description == null ? "" : description);
            byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
            return "cf-" + HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static void checkHeader(Path file, long line, List<String> found, List<String> expected) {
        if (!found.equals(expected)) {
            throw new DatasetFormatException(file, line,
                    "expected header " + String.join(",", expected) + " but found " + String.join(",", found));
        }
    }

    private static void checkWidth(Path file, long line, List<String> fields, int expected) {
        if (fields.size() != expected) {
            throw new DatasetFormatException(file, line,
                    "expected " + expected + " fields but found " + fields.size());
        }
    }

    private static String nonEmpty(Path file, long line, String value, String name) {
        if (value.isBlank()) {
            throw new DatasetFormatException(file, line, name + " is empty");
        }
        return value;
    }
}
