package dev.aisle.recommend.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Item text found beside an evaluation data set, for models with text features: for {@code movielens} the
 * {@code u.item} file next to {@code u.data} (title and genre names); other formats carry no item text.
 */
final class ItemTexts {

    private static final int MOVIELENS_GENRES = 19;

    private ItemTexts() {
    }

    /** Item id → text for a {@code FORMAT:PATH} spec; empty when the data set has none. */
    static Map<String, String> read(String spec) throws IOException {
        int colon = spec.indexOf(':');
        if (colon <= 0 || !spec.substring(0, colon).equals("movielens")) {
            return Map.of();
        }
        Path dir = Path.of(spec.substring(colon + 1)).toAbsolutePath().getParent();
        Path items = dir.resolve("u.item");
        if (!Files.isRegularFile(items)) {
            return Map.of();
        }
        CSVFormat pipe = CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote(null).get();
        List<String> genres = new ArrayList<>();
        Path genreFile = dir.resolve("u.genre");
        if (Files.isRegularFile(genreFile)) {
            for (CSVRecord r : pipe.parse(Files.newBufferedReader(genreFile, StandardCharsets.ISO_8859_1))) {
                if (r.size() == 2) {
                    genres.add(r.get(0));
                }
            }
        }
        Map<String, String> text = new HashMap<>();
        // u.item is Latin-1: id|title|release date|video release date|IMDb URL|19 genre flags
        for (CSVRecord r : pipe.parse(Files.newBufferedReader(items, StandardCharsets.ISO_8859_1))) {
            if (r.size() < 2) {
                continue;
            }
            StringBuilder s = new StringBuilder(r.get(1));
            int first = r.size() - MOVIELENS_GENRES;
            for (int g = 0; g < MOVIELENS_GENRES && g < genres.size() && first >= 2; g++) {
                if ("1".equals(r.get(first + g))) {
                    s.append(' ').append(genres.get(g));
                }
            }
            text.put(r.get(0), s.toString());
        }
        return text;
    }
}
