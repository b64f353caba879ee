package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvInteractionReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsRowsWithHeaderDefaultRatingAndIsoOrEpochTimestamps() throws IOException {
        assertThat(CsvInteractionReader.read(TestFiles.resource("interactions.csv"))).containsExactly(
                new Rating("u1", "p1", 5f, 1_700_000_000L), new Rating("u1", "p2", 1f, 1_767_225_600L),
                new Rating("u2", "p1", 3.5f, 0L));
    }

    @Test
    void readsHeaderlessUserItemPairsAsImplicitFeedback() throws IOException {
        Path file = TestFiles.write(dir, "pairs.csv", "a,x\nb,y\n");

        assertThat(CsvInteractionReader.read(file)).containsExactly(new Rating("a", "x", 1f, 0),
                new Rating("b", "y", 1f, 0));
    }

    @Test
    void detectsAHeaderByANonNumericRatingColumn() throws IOException {
        Path file = TestFiles.write(dir, "h.csv", "customer,sku,stars\na,x,4\n");

        assertThat(CsvInteractionReader.read(file)).containsExactly(new Rating("a", "x", 4f, 0));
    }

    @Test
    void reportsRowsOfTheWrongWidthAndBadValues() throws IOException {
        Path ragged = TestFiles.write(dir, "r.csv", "a,x,1\nb,y\n");
        Path badTime = TestFiles.write(dir, "t.csv", "a,x,1,yesterday\n");
        Path emptyUser = TestFiles.write(dir, "u.csv", "a,x\n,y\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> CsvInteractionReader.read(ragged))
                .withMessage(ragged + ":2: expected 3 fields as in the first row but found 2");
        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> CsvInteractionReader.read(badTime))
                .withMessageStartingWith(badTime + ":1: timestamp is neither");
        assertThatExceptionOfType(DatasetFormatException.class)
                .isThrownBy(() -> CsvInteractionReader.read(emptyUser)).withMessage(emptyUser + ":2: user is empty");
    }
}
