package dev.aisle.common.split;

import java.util.ArrayList;
import java.util.List;

import dev.aisle.common.dataset.Rating;
import org.junit.jupiter.api.Test;

import static dev.aisle.common.split.SplitTestData.concat;
import static dev.aisle.common.split.SplitTestData.ratings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KFoldTests {

    private final List<Rating> data = concat(ratings("a", 11), ratings("b", 12));

    @Test
    void makesDisjointTestFoldsCoveringAllRatings() {
        List<Split> splits = new KFold(5, 9).split(data);

        List<Rating> allTest = new ArrayList<>();
        for (Split split : splits) {
            allTest.addAll(split.test());
            assertThat(split.train()).doesNotContainAnyElementsOf(split.test());
            assertThat(split.train().size() + split.test().size()).isEqualTo(data.size());
        }
        assertThat(splits).hasSize(5);
        assertThat(allTest).containsExactlyInAnyOrderElementsOf(data);
    }

    @Test
    void balancesFoldSizesWithinOne() {
        assertThat(new KFold(5, 9).split(data)).extracting(s -> s.test().size())
                .allSatisfy(size -> assertThat(size).isBetween(4, 5));
    }

    @Test
    void isReproducibleForASeed() {
        assertThat(new KFold(3, 1).split(data)).isEqualTo(new KFold(3, 1).split(data));
        assertThat(new KFold(3, 1).split(data)).isNotEqualTo(new KFold(3, 2).split(data));
    }

    @Test
    void rejectsFewerThanTwoFoldsOrMoreFoldsThanRatings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KFold(1, 0)).withMessageContaining(">= 2");
        assertThatIllegalArgumentException().isThrownBy(() -> new KFold(3, 0).split(ratings("a", 2)));
    }
}
