package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads MovieLens ratings (GroupLens): the 100K {@code u.data} and the newer {@code ratings.csv}. */
public final class MovieLensReader {

    private MovieLensReader() {
    }

    /** Reads {@code u.data}: tab-separated {@code user item rating timestamp}, no header. */
    public static List<Rating> readUData(Path file) throws IOException {
        List<Rating> ratings = new ArrayList<>(100_000);
        LineReader.forEach(file, StandardCharsets.UTF_8, false, null,
                (line, number) -> ratings.add(parse(file, number, LineReader.split(line, '\t', 4), "tab")));
        return ratings;
    }

    /** Reads {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}. */
    public static List<Rating> readRatingsCsv(Path file) throws IOException {
        List<Rating> ratings = new ArrayList<>();
        LineReader.forEach(file, StandardCharsets.UTF_8, true, (header, number) -> {
            if (!header.strip().equals("userId,movieId,rating,timestamp")) {
                throw new DatasetFormatException(file, number,
                        "expected header userId,movieId,rating,timestamp but found '" + header + "'");
            }
        }, (line, number) -> ratings.add(parse(file, number, LineReader.split(line, ',', 4), "comma")));
        return ratings;
    }

    private static Rating parse(Path file, long number, String[] f, String separator) {
        if (f.length != 4) {
            throw new DatasetFormatException(file, number,
                    "expected 4 " + separator + "-separated fields (user item rating timestamp) but found " + f.length);
        }
        return new Rating(LineReader.requireId(file, number, f[0], "user"),
                LineReader.requireId(file, number, f[1], "item"),
                LineReader.parseFloat(file, number, f[2], "rating"),
                LineReader.parseLong(file, number, f[3], "timestamp"));
    }
}
