package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MovieLensReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsUDataIgnoringTrailingBlankLines() throws IOException {
        List<Rating> ratings = MovieLensReader.readUData(TestFiles.resource("u.data"));

        assertThat(ratings).containsExactly(new Rating("196", "242", 3f, 881250949L),
                new Rating("186", "302", 3f, 891717742L), new Rating("22", "377", 1f, 878887116L));
    }

    @Test
    void readsRatingsCsvWithHalfStars() throws IOException {
        List<Rating> ratings = MovieLensReader.readRatingsCsv(TestFiles.resource("ratings.csv"));

        assertThat(ratings).hasSize(3).contains(new Rating("2", "6", 0.5f, 964982224L));
    }

    @Test
    void reportsFileAndLineOfAMalformedRow() throws IOException {
        Path file = TestFiles.write(dir, "u.data", "1\t2\t3\t4\n1\t2\tfive\t4\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> MovieLensReader.readUData(file))
                .withMessage(file + ":2: rating is not a number: 'five'")
                .satisfies(e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void reportsMissingFields() throws IOException {
        Path file = TestFiles.write(dir, "u.data", "1\t2\t3\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> MovieLensReader.readUData(file))
                .withMessageStartingWith(file + ":1: expected 4 tab-separated fields");
    }

    @Test
    void reportsABlankLineInsideTheData() throws IOException {
        Path file = TestFiles.write(dir, "u.data", "1\t2\t3\t4\n\n1\t3\t3\t4\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> MovieLensReader.readUData(file))
                .withMessage(file + ":2: blank line inside the data");
    }

    @Test
    void reportsAWrongRatingsCsvHeader() throws IOException {
        Path file = TestFiles.write(dir, "ratings.csv", "user,movie,rating,timestamp\n1,2,3,4\n");

        assertThatExceptionOfType(DatasetFormatException.class)
                .isThrownBy(() -> MovieLensReader.readRatingsCsv(file))
                .withMessageStartingWith(file + ":1: expected header userId,movieId,rating,timestamp");
    }

    @Test
    void readsTheFullMovieLens100k() throws IOException {
        Path file = TestFiles.sharedDataset("movielens-100k").resolve("u.data");

        List<Rating> ratings = MovieLensReader.readUData(file);

        assertThat(ratings).hasSize(100_000);
        assertThat(ratings.stream().map(Rating::user).distinct().count()).isEqualTo(943);
        assertThat(ratings.stream().map(Rating::item).distinct().count()).isEqualTo(1682);
    }
}
