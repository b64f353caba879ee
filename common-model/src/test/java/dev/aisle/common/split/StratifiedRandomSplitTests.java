package dev.aisle.common.split;

import java.util.List;

import dev.aisle.common.dataset.Rating;
import org.junit.jupiter.api.Test;

import static dev.aisle.common.split.SplitTestData.concat;
import static dev.aisle.common.split.SplitTestData.ratings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StratifiedRandomSplitTests {

    private final List<Rating> data = concat(ratings("a", 10), ratings("b", 4), ratings("c", 1), ratings("d", 2));

    @Test
    void keepsRoundOfNTimesOneMinusRatioPerUserInTrain() {
        Split split = new StratifiedRandomSplit(0.25, 42).split(data);

        // a: round(7.5) = 8, b: round(3) = 3, c: single rating stays, d: round(1.5) = 2
        assertThat(split.train()).filteredOn(r -> r.user().equals("a")).hasSize(8);
        assertThat(split.train()).filteredOn(r -> r.user().equals("b")).hasSize(3);
        assertThat(split.train()).filteredOn(r -> r.user().equals("c")).hasSize(1);
        assertThat(split.train()).filteredOn(r -> r.user().equals("d")).hasSize(2);
        assertThat(split.test()).hasSize(3);
    }

    @Test
    void keepsAtLeastOneRatingPerUserInTrain() {
        Split split = new StratifiedRandomSplit(0.9, 1).split(ratings("b", 4));

        assertThat(split.train()).hasSize(1);
        assertThat(split.test()).hasSize(3);
    }

    @Test
    void partitionsTheInputPreservingOrder() {
        Split split = new StratifiedRandomSplit(0.3, 7).split(data);

        assertThat(concat(split.train(), split.test())).containsExactlyInAnyOrderElementsOf(data);
        assertThat(split.train()).isSubsetOf(data).doesNotContainAnyElementsOf(split.test());
        assertThat(data.stream().filter(split.train()::contains).toList()).isEqualTo(split.train());
    }

    @Test
    void isReproducibleForASeedAndVariesAcrossSeeds() {
        List<Rating> many = ratings("a", 40);

        Split first = new StratifiedRandomSplit(0.5, 3).split(many);

        assertThat(new StratifiedRandomSplit(0.5, 3).split(many)).isEqualTo(first);
        assertThat(new StratifiedRandomSplit(0.5, 4).split(many).test()).isNotEqualTo(first.test());
    }

    @Test
    void leavesOtherUsersUnchangedWhenAUserIsAdded() {
        Split without = new StratifiedRandomSplit(0.5, 3).split(ratings("a", 20));
        Split with = new StratifiedRandomSplit(0.5, 3).split(concat(ratings("z", 9), ratings("a", 20)));

        assertThat(with.test()).filteredOn(r -> r.user().equals("a")).isEqualTo(without.test());
    }

    @Test
    void rejectsRatiosOutsideZeroAndOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StratifiedRandomSplit(1.0, 1))
                .withMessageContaining("must be between 0 and 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new StratifiedRandomSplit(Double.NaN, 1));
    }
}
