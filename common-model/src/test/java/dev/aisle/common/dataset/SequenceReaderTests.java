package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SequenceReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsOneSequencePerUser() throws IOException {
        List<UserSequence> sequences = SequenceReader.read(TestFiles.resource("sequences.txt"));

        assertThat(sequences).containsExactly(new UserSequence("1", List.of("1", "2", "3", "4", "5")),
                new UserSequence("2", List.of("6", "7", "8")), new UserSequence("3", List.of("4", "9")));
    }

    @Test
    void turnsSequencesIntoRatingsWithIncreasingTimestamps() throws IOException {
        List<Rating> ratings = SequenceReader.toRatings(SequenceReader.read(TestFiles.resource("sequences.txt")));

        assertThat(ratings).hasSize(10);
        assertThat(ratings).filteredOn(r -> r.user().equals("2")).containsExactly(new Rating("2", "6", 1f, 0),
                new Rating("2", "7", 1f, 1), new Rating("2", "8", 1f, 2));
    }

    @Test
    void reportsAUserWithoutItems() throws IOException {
        Path file = TestFiles.write(dir, "seq.txt", "1 2 3\n4\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> SequenceReader.read(file))
                .withMessageStartingWith(file + ":2: ");
    }

    @Test
    void readsTheAmazonBeautySequences() throws IOException {
        Path file = TestFiles.sharedDataset("amazon-seqrec-iclrec").resolve("Beauty.txt");

        List<UserSequence> sequences = SequenceReader.read(file);

        assertThat(sequences.stream().mapToInt(s -> s.items().size()).sum()).isEqualTo(198_502);
        assertThat(sequences).allSatisfy(s -> assertThat(s.items()).hasSizeGreaterThanOrEqualTo(5));
    }
}
