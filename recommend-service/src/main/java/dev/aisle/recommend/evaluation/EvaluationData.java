package dev.aisle.recommend.evaluation;

import dev.aisle.common.dataset.MovieLensReader;
import dev.aisle.common.dataset.Rating;
import dev.aisle.common.dataset.SequenceReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A data set named on the command line as {@code FORMAT:PATH}, read with the shared readers.
 *
 * @param explicitRatings whether the rows carry rating values (rather than implicit 1s)
 */
public record EvaluationData(String name, List<Rating> ratings, boolean explicitRatings) {

    /**
     * Reads {@code FORMAT:PATH}: {@code movielens} (u.data, tab-separated), {@code movielens-csv} (ratings.csv with
     * header), {@code sequences} (one line per user: {@code user item item …}, chronological; the position is the
     * timestamp) or {@code csv} (user,item[,rating[,timestamp]], header optional).
     */
    public static EvaluationData read(String spec) throws IOException {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("illegal --data '" + spec + "', must be FORMAT:PATH");
        }
        String format = spec.substring(0, colon);
        Path path = Path.of(spec.substring(colon + 1));
        String name = path.getFileName() + " (" + format + ")";
        return switch (format) {
            case "movielens" -> new EvaluationData(name, MovieLensReader.readUData(path), true);
            case "movielens-csv" -> new EvaluationData(name, MovieLensReader.readRatingsCsv(path), true);
            case "sequences" -> new EvaluationData(name, SequenceReader.toRatings(SequenceReader.read(path)), false);
            case "csv" -> readCsv(path, name);
            default -> throw new IllegalArgumentException("illegal format '" + format
                    + "', must be movielens, movielens-csv, sequences or csv");
        };
    }

    private static EvaluationData readCsv(Path path, String name) throws IOException {
        List<Rating> ratings = new ArrayList<>();
        boolean explicit = false;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (CSVRecord r : CSVFormat.RFC4180.parse(in)) {
                boolean header = first && r.size() > 1 && !isNumber(r.get(r.size() > 2 ? 2 : 1))
                        && !isNumber(r.get(0));
                first = false;
                if (header || r.size() < 2) {
                    continue;
                }
                float rating = r.size() > 2 && !r.get(2).isBlank() ? Float.parseFloat(r.get(2).trim()) : 1;
                long time = r.size() > 3 && !r.get(3).isBlank() ? Long.parseLong(r.get(3).trim()) : ratings.size();
                explicit |= r.size() > 2 && !r.get(2).isBlank();
                ratings.add(new Rating(r.get(0).trim(), r.get(1).trim(), rating, time));
            }
        }
        return new EvaluationData(name, ratings, explicit);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
