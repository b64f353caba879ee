package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads generic interaction CSVs: {@code user,item[,rating[,timestamp]]} with an optional header. A first row is a
 * header when its first field names a user column ({@code user}, {@code user_id}, {@code userId}, case-insensitive)
 * or its rating field is not a number. A missing or empty rating is 1 (implicit feedback); the timestamp is epoch
 * seconds or an ISO-8601 instant, 0 when absent. Every row must have the same number of fields as the first.
 */
public final class CsvInteractionReader {

    private CsvInteractionReader() {
    }

    /** Reads all rows of {@code file}. */
    public static List<Rating> read(Path file) throws IOException {
        List<Rating> ratings = new ArrayList<>();
        int[] width = { -1 };
        CsvRows.forEach(file, StandardCharsets.UTF_8, (record, line) -> {
            List<String> f = CsvRows.values(record);
            if (width[0] < 0) {
                if (f.size() < 2 || f.size() > 4) {
                    throw new DatasetFormatException(file, line,
                            "expected 2 to 4 fields (user,item[,rating[,timestamp]]) but found " + f.size());
                }
                width[0] = f.size();
                if (isHeader(f)) {
                    return;
                }
            }
            if (f.size() != width[0]) {
                throw new DatasetFormatException(file, line,
                        "expected " + width[0] + " fields as in the first row but found " + f.size());
            }
            String user = LineReader.requireId(file, line, f.get(0), "user");
            String item = LineReader.requireId(file, line, f.get(1), "item");
            float rating = f.size() > 2 && !f.get(2).isBlank() ? LineReader.parseFloat(file, line, f.get(2), "rating")
                    : 1f;
            long timestamp = f.size() > 3 && !f.get(3).isBlank() ? timestamp(file, line, f.get(3)) : 0L;
            ratings.add(new Rating(user, item, rating, timestamp));
        });
        return ratings;
    }

    private static boolean isHeader(List<String> first) {
        String name = first.get(0).strip().toLowerCase(Locale.ROOT).replace("_", "");
        if (name.equals("user") || name.equals("userid")) {
            return true;
        }
        if (first.size() > 2 && !first.get(2).isBlank()) {
            try {
                Float.parseFloat(first.get(2).strip());
            }
            catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private static long timestamp(Path file, long line, String text) {
        String t = text.strip();
        if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') && t.indexOf('T') < 0) {
            return LineReader.parseLong(file, line, t, "timestamp");
        }
        try {
            return Instant.parse(t).getEpochSecond();
        }
        catch (DateTimeParseException e) {
            throw new DatasetFormatException(file, line,
                    "timestamp is neither epoch seconds nor an ISO-8601 instant: '" + text + "'");
        }
    }
}
