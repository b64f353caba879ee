package dev.aisle.common.feature;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntSetTests {

    @Test
    void containsExactlyItsDistinctValues() {
        IntSet set = IntSet.of(3, -7, 3, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);

        assertThat(set.size()).isEqualTo(5);
        assertThat(set.contains(3)).isTrue();
        assertThat(set.contains(Integer.MIN_VALUE)).isTrue();
        assertThat(set.contains(1)).isFalse();
        assertThat(set.toSortedArray()).containsExactly(Integer.MIN_VALUE, -7, 0, 3, Integer.MAX_VALUE);
    }

    @Test
    void agreesWithHashSetOnRandomValues() {
        Random random = new Random(7);
        Set<Integer> expected = new HashSet<>();
        int[] values = new int[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(5000);
            expected.add(values[i]);
        }
        IntSet set = IntSet.of(values);

        assertThat(set.size()).isEqualTo(expected.size());
        for (int v = -10; v < 5010; v++) {
            assertThat(set.contains(v)).isEqualTo(expected.contains(v));
        }
    }

    @Test
    void isEmptyWhenBuiltFromNothing() {
        assertThat(IntSet.of().isEmpty()).isTrue();
        assertThat(IntSet.of().contains(0)).isFalse();
        assertThat(IntSet.copyOf(List.of(1, 2)).test(2)).isTrue();
    }
}
