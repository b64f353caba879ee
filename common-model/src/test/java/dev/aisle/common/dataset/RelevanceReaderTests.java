package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RelevanceReaderTests {

    @TempDir
    Path dir;

    @Test
    void readsHomeDepotAsLatin1() throws IOException {
        List<RelevanceJudgment> judgments = RelevanceReader.readHomeDepot(TestFiles.resource("homedepot.csv"));

        assertThat(judgments).containsExactly(
                new RelevanceJudgment("angle bracket", "100001", "Simpson Strong-Tie 12-Gauge Angle", null, 3.0),
                new RelevanceJudgment("l bracket", "100001", "Simpson Strong-Tie 12-Gauge Angle", null, 2.5),
                new RelevanceJudgment("deck over", "100002", "BEHR 1 gal. 90° \"Deckover\"", null, 2.33f));
    }

    @Test
    void readsCrowdFlowerWithQuotedNewlines() throws IOException {
        List<RelevanceJudgment> judgments = RelevanceReader.readCrowdFlower(TestFiles.resource("crowdflower.csv"));

        assertThat(judgments).hasSize(4);
        assertThat(judgments.get(0).description()).isEqualTo("Red satin accent pillow. 8\" x 8\".");
        assertThat(judgments.get(1).description()).isNull();
        assertThat(judgments.get(2).title()).isEqualTo("Bride to Be\" Floral Banner - Coral\"");
        assertThat(judgments.get(2).description()).isEqualTo("details\nUse as a photo prop.\nPackage Quantity: 1");
        assertThat(judgments.get(3).query()).isEqualTo("led christmas lights");
        assertThat(judgments).extracting(RelevanceJudgment::grade).containsExactly(1.0, 1.0, 2.0, 4.0);
    }

    @Test
    void givesCrowdFlowerProductsAStableContentId() throws IOException {
        List<RelevanceJudgment> judgments = RelevanceReader.readCrowdFlower(TestFiles.resource("crowdflower.csv"));

        assertThat(judgments.get(0).productId()).startsWith("cf-").hasSize(19)
                .isEqualTo(RelevanceReader.contentId(judgments.get(0).title(), judgments.get(0).description()));
        assertThat(RelevanceReader.contentId("a", "b")).isNotEqualTo(RelevanceReader.contentId("ab", null));
    }

    @Test
    void reportsTheStartingLineOfABadRecordAfterAMultiLineOne() throws IOException {
        Path file = TestFiles.write(dir, "cf.csv", """
                id,query,product_title,product_description,median_relevance,relevance_variance
                1,q,t,"line one
                line two",2,0
                2,q,t,d,high,0
                """);

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> RelevanceReader.readCrowdFlower(file))
                .withMessage(file + ":4: median_relevance is not a number: 'high'");
    }

    @Test
    void reportsAnUnterminatedQuote() throws IOException {
        Path file = TestFiles.write(dir, "cf.csv", """
                id,query,product_title,product_description,median_relevance,relevance_variance
                1,q,t,d,2,0
                2,q,"t,d,2,0
                """);

        assertThatExceptionOfType(DatasetFormatException.class).isThrownBy(() -> RelevanceReader.readCrowdFlower(file))
                .withMessageStartingWith(file + ":3: unreadable CSV");
    }

    @Test
    void reportsAWrongHeaderAndAShortRow() throws IOException {
        Path badHeader = TestFiles.write(dir, "hd1.csv", "id,uid,title,term,relevance\n");
        Path shortRow = TestFiles.write(dir, "hd2.csv",
                "id,product_uid,product_title,search_term,relevance\n1,2,t,q\n");

        assertThatExceptionOfType(DatasetFormatException.class)
                .isThrownBy(() -> RelevanceReader.readHomeDepot(badHeader))
                .withMessageStartingWith(badHeader + ":1: expected header id,product_uid");
        assertThatExceptionOfType(DatasetFormatException.class)
                .isThrownBy(() -> RelevanceReader.readHomeDepot(shortRow))
                .withMessage(shortRow + ":2: expected 5 fields but found 4");
    }

    @Test
    void readsTheHomeDepotTrainingSet() throws IOException {
        Path file = TestFiles.sharedDataset("homedepot-search-relevance").resolve("train.csv");

        List<RelevanceJudgment> judgments = RelevanceReader.readHomeDepot(file);

        assertThat(judgments).hasSize(74_067);
        assertThat(judgments.stream().map(RelevanceJudgment::query).distinct().count()).isEqualTo(11_795);
        assertThat(judgments).allSatisfy(j -> assertThat(j.grade()).isBetween(1.0, 3.0));
    }

    @Test
    void readsTheCrowdFlowerSample() throws IOException {
        Path file = TestFiles.sharedDataset("crowdflower-format-sample").resolve("sample.csv");

        List<RelevanceJudgment> judgments = RelevanceReader.readCrowdFlower(file);

        assertThat(judgments).hasSizeGreaterThan(10);
        assertThat(judgments).allSatisfy(j -> assertThat(j.grade()).isBetween(1.0, 4.0));
    }
}
