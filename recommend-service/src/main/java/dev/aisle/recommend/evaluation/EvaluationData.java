package dev.aisle.recommend.evaluation;

import java.io.IOException;
import java.io.Reader;
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
 * A rating/interaction log with dense user and item indices (assigned in order of first appearance) and the row
 * order of the file, which sequence data use as time.
 */
public record EvaluationData(String name, int users, int items, int[] user, int[] item, float[] rating,
        long[] time, boolean explicitRatings) {

    /** Number of rows. */
    public int size() {
        return user.length;
    }

    /**
     * Reads {@code FORMAT:PATH}: {@code movielens} (u.data: user, item, rating, timestamp, tab-separated),
     * {@code movielens-csv} (ratings.csv with header userId,movieId,rating,timestamp), {@code sequences} (one line
     * per user: {@code user item item …}, chronological) or {@code csv} (user,item[,rating[,timestamp]], optional
     * header).
     */
    public static EvaluationData read(String spec) throws IOException {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("illegal --data '" + spec + "', must be FORMAT:PATH");
        }
        String format = spec.substring(0, colon);
        Path path = Path.of(spec.substring(colon + 1));
        Builder b = new Builder();
        switch (format) {
            case "movielens" -> {
                for (String line : Files.readAllLines(path, StandardCharsets.ISO_8859_1)) {
                    String[] f = line.split("\t");
                    if (f.length >= 3) {
                        b.add(f[0], f[1], Float.parseFloat(f[2]), f.length > 3 ? Long.parseLong(f[3].trim()) : 0);
                    }
                }
                b.explicit = true;
            }
            case "movielens-csv", "csv" -> readCsv(path, b, format.equals("movielens-csv"));
            case "sequences" -> {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    String[] f = line.trim().split("\\s+");
                    for (int p = 1; p < f.length; p++) {
                        b.add(f[0], f[p], 1, p);
                    }
                }
            }
            default -> throw new IllegalArgumentException("illegal format '" + format
                    + "', must be movielens, movielens-csv, sequences or csv");
        }
        return b.build(path.getFileName() + " (" + format + ")");
    }

    private static void readCsv(Path path, Builder b, boolean header) throws IOException {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                if (first && (header || !isNumber(r.get(r.size() > 2 ? 2 : 1)) && !isNumber(r.get(0)))) {
                    first = false;
                    continue;
                }
                first = false;
                float rating = r.size() > 2 && !r.get(2).isBlank() ? Float.parseFloat(r.get(2)) : 1;
                long time = r.size() > 3 && !r.get(3).isBlank() ? Long.parseLong(r.get(3).trim()) : b.size();
                b.explicit |= r.size() > 2;
                b.add(r.get(0).trim(), r.get(1).trim(), rating, time);
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static final class Builder {
        final Map<String, Integer> users = new HashMap<>();
        final Map<String, Integer> items = new HashMap<>();
        final List<int[]> pairs = new ArrayList<>();
        final List<Float> ratings = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        boolean explicit;

        void add(String u, String i, float rating, long time) {
            pairs.add(new int[] {users.computeIfAbsent(u, k -> users.size()), items.computeIfAbsent(i,
                    k -> items.size())});
            ratings.add(rating);
            times.add(time);
        }

        int size() {
            return pairs.size();
        }

        EvaluationData build(String name) {
            int n = pairs.size();
            int[] u = new int[n];
            int[] i = new int[n];
            float[] r = new float[n];
            long[] t = new long[n];
            for (int p = 0; p < n; p++) {
                u[p] = pairs.get(p)[0];
                i[p] = pairs.get(p)[1];
                r[p] = ratings.get(p);
                t[p] = times.get(p);
            }
            return new EvaluationData(name, users.size(), items.size(), u, i, r, t, explicit);
        }
    }
}
