package dev.aisle.common.feature;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdIndexTests {

    @Test
    void assignsDenseIndexesInOrderOfFirstAddition() {
        IdIndex index = new IdIndex();

        assertThat(index.getOrAdd("b")).isZero();
        assertThat(index.getOrAdd("a")).isEqualTo(1);
        assertThat(index.getOrAdd("b")).isZero();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.idOf(1)).isEqualTo("a");
        assertThat(index.ids()).containsExactly("b", "a");
    }

    @Test
    void returnsMinusOneForUnknownIds() {
        IdIndex index = IdIndex.of(List.of("x", "y", "x"));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.indexOf("y")).isEqualTo(1);
        assertThat(index.indexOf("z")).isEqualTo(-1);
        assertThat(index.indexOf(null)).isEqualTo(-1);
        assertThat(index.contains("x")).isTrue();
    }

    @Test
    void rejectsIndexesOutOfRange() {
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> IdIndex.of(List.of("a")).idOf(1));
    }

    @Test
    void exposesAnUnmodifiableIdList() {
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> IdIndex.of(List.of("a")).ids().add("b"));
    }
}
