package dev.aisle.common.metric;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CoverageTests {

    @Test
    void dividesDistinctRecommendedItemsByCatalogueSize() {
        Coverage coverage = new Coverage(10).add(new int[] { 1, 2, 3 }).add(new int[] { 3, 4 });

        assertThat(coverage.distinctCount()).isEqualTo(4);
        assertThat(coverage.value()).isEqualTo(0.4);
        assertThat(Coverage.of(List.of(new int[] { 0 }, new int[] { 0, 1 }), 4)).isEqualTo(0.5);
    }

    @Test
    void rejectsItemsOutsideTheCatalogue() {
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> new Coverage(3).add(3));
    }
}
