package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SrGnnReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsTrainingSessionsAndTestCases() throws IOException {
        SrGnnDataset data = SrGnnReader.read(TestFiles.resource("srgnn"));

        assertThat(data.trainSessions()).containsExactly(new int[] { 1, 2 }, new int[] { 3, 4, 5 },
                new int[] { 6, 7, 8, 9 });
        assertThat(data.testCases()).hasSize(2);
        assertThat(data.testCases().get(0).prefix()).containsExactly(21553, 20071, 8762);
        assertThat(data.testCases().get(0).target()).isEqualTo(21566);
        assertThat(data.maxItemId()).isEqualTo(21566);
    }

    @Test
    void augmentsTrainingSessionsLikeSrGnn() throws IOException {
        SrGnnDataset data = SrGnnReader.read(TestFiles.resource("srgnn"));

        // 1 + 2 + 3 examples; session [3, 4, 5] gives ([3, 4] → 5) then ([3] → 4)
        assertThat(data.trainingExamples()).hasSize(6);
        assertThat(data.trainingExamples().get(1).prefix()).containsExactly(3, 4);
        assertThat(data.trainingExamples().get(1).target()).isEqualTo(5);
        assertThat(data.trainingExamples().get(2).prefix()).containsExactly(3);
    }

    @Test
    void reportsANonNumericItem() throws IOException {
        Files.writeString(dir.resolve("train_sessions.txt"), "1,2\n3,x\n");
        Files.writeString(dir.resolve("test.tsv"), "prefix\ttarget\n1\t2\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> SrGnnReader.read(dir))
                .withMessage(dir.resolve("train_sessions.txt") + ":2: item id 2 is not an integer: 'x'");
    }

    @Test
    void reportsAMissingTarget() throws IOException {
        Files.writeString(dir.resolve("train_sessions.txt"), "1,2\n");
        Files.writeString(dir.resolve("test.tsv"), "prefix\ttarget\n1\t2\n1,2\n");

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> SrGnnReader.read(dir))
                .withMessageStartingWith(dir.resolve("test.tsv") + ":3: expected 2 tab-separated fields");
    }

    @Test
    void reproducesTheDigineticaSplitSizesOfTheSrGnnPaper() throws IOException {
        SrGnnDataset data = SrGnnReader.read(TestFiles.sharedDataset("diginetica-srgnn"));

        assertThat(data.trainSessions()).hasSize(186_670);
        assertThat(data.trainingExamples()).hasSize(719_470);
        assertThat(data.testCases()).hasSize(60_858);
    }
}
