package dev.aisle.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TitleMatchTests {

    private ProductIndex index;

    @BeforeEach
    void indexCatalogue() {
        index = ProductIndex.inMemory(new ProductAnalyzers(null), IndexSettings.defaults());
        index.upsert(CatalogTestData.products());
        index.commitAndRefresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void coversTheShareOfStemmedQueryTermsTheTitleHolds() {
        TitleMatch match = index.titleMatch("basketball shoes");
        assertThat(match.score("Air Zoom basketball shoe")[0]).isEqualTo(1.0);
        assertThat(match.score("Indoor basketball")[0]).isEqualTo(0.5);
        assertThat(match.score("Chef kitchen knife")[0]).isZero();
    }

    @Test
    void countsAMisspeltTermWithinOneEditOfATitleTerm() {
        TitleMatch match = index.titleMatch("baksetball hoop");
        assertThat(match.score("Basketball hoop with stand")[0]).isEqualTo(1.0);
        assertThat(match.score("Basketball hoop with stand")[0])
                .isGreaterThan(match.score("Hoop earrings")[0]);
    }

    @Test
    void doesNotFuzzTermsTheCatalogueKnows() {
        TitleMatch match = index.titleMatch("knife");
        assertThat(match.score("Knives set")[0]).isZero();
    }

    @Test
    void matchesNumbersWrittenAsFractionsAndDimensions() {
        assertThat(index.titleMatch("1/2 in. pvc pipe").score("1/2 in. x 10 ft. PVC Pipe")[1]).isEqualTo(1.0);
        assertThat(index.titleMatch("1/2 in. pvc pipe").score("1-1/2 in. x 10 ft. PVC Pipe")[1]).isZero();
        assertThat(index.titleMatch("2x4x8 stud").score("2 in. x 4 in. x 8 ft. Stud")[1]).isEqualTo(1.0);
        assertThat(index.titleMatch("2x6 lumber").score("2 in. x 4 in. x 8 ft. Stud")[1]).isEqualTo(0.5);
        assertThat(index.titleMatch("pvc pipe").score("1/2 in. PVC Pipe")[1]).isZero();
    }

    @Test
    void parsesMixedNumbersFractionsAndDecimals() {
        assertThat(TitleMatch.numbers("1-1/2 in. 3/4\" 2.5 gal 10"))
                .containsExactly(1.5, 0.75, 2.5, 10.0);
    }

    @Test
    void rewardsAdjacentQueryTermsInTheirOrder() {
        TitleMatch match = index.titleMatch("wall mount bracket");
        assertThat(match.score("Television wall mount bracket")[2]).isEqualTo(1.0);
        assertThat(match.score("Bracket to mount on a wall")[2]).isZero();
        assertThat(match.score("Wall mount for TV")[2]).isCloseTo(0.5, within(1e-9));
        assertThat(index.titleMatch("wall").score("Wall mount")[2]).isZero();
    }

    @Test
    void correctsMisspeltWordsInPlaceKeepingTheRest() {
        assertThat(index.correctSpelling("Baksetball hoop 10 ft.")).isEqualTo("basketball hoop 10 ft.");
        assertThat(index.correctSpelling("basketball hoop")).isEqualTo("basketball hoop");
    }

    @Test
    void measuresEditDistanceWithTranspositions() {
        assertThat(TitleMatch.distance("toliet", "toilet")).isEqualTo(1);
        assertThat(TitleMatch.distance("vynal", "vinyl")).isEqualTo(2);
        assertThat(TitleMatch.distance("hoop", "hoop")).isZero();
    }
}
