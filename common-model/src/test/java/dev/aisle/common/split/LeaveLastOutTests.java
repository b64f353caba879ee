package dev.aisle.common.split;

import java.util.List;

import dev.aisle.common.dataset.Rating;
import dev.aisle.common.dataset.UserSequence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeaveLastOutTests {

    @Test
    void holdsOutEachUsersLatestRating() {
        List<Rating> data = List.of(new Rating("a", "x", 1, 300), new Rating("b", "y", 1, 10),
                new Rating("a", "z", 1, 100), new Rating("b", "w", 1, 20), new Rating("a", "v", 1, 200));

        Split split = new LeaveLastOut().split(data);

        assertThat(split.test()).containsExactly(new Rating("a", "x", 1, 300), new Rating("b", "w", 1, 20));
        assertThat(split.train()).extracting(Rating::item).containsExactly("y", "z", "v");
    }

    @Test
    void breaksTimestampTiesByLaterInputPosition() {
        List<Rating> data = List.of(new Rating("a", "x", 1, 5), new Rating("a", "y", 1, 5));

        assertThat(new LeaveLastOut().split(data).test()).extracting(Rating::item).containsExactly("y");
    }

    @Test
    void keepsASingleRatingInTrain() {
        Split split = new LeaveLastOut().split(List.of(new Rating("a", "x", 1, 5)));

        assertThat(split.train()).hasSize(1);
        assertThat(split.test()).isEmpty();
    }

    @Test
    void holdsOutTheLastItemOfEachSequence() {
        List<UserSequence> sequences = List.of(new UserSequence("u1", List.of("a", "b", "c")),
                new UserSequence("u2", List.of("d")));

        assertThat(LeaveLastOut.holdOutLast(sequences)).containsExactly(
                new LeaveLastOut.SequenceHoldout("u1", List.of("a", "b"), "c"));
        assertThat(LeaveLastOut.withoutLast(sequences)).containsExactly(new UserSequence("u1", List.of("a", "b")),
                new UserSequence("u2", List.of()));
    }
}
