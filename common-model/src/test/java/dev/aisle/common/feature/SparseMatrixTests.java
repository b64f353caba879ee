package dev.aisle.common.feature;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SparseMatrixTests {

    /** [[0, 2, 0, 1], [0, 0, 0, 0], [5, 0, 3, 0]] with entries added out of order and one duplicate. */
    private static SparseMatrix example() {
        return SparseMatrix.builder(3, 4)
                .add(2, 2, 3f)
                .add(0, 3, 1f)
                .add(2, 0, 5f)
                .add(0, 1, 1.5f)
                .add(0, 1, 0.5f)
                .build();
    }

    @Test
    void storesRowsInCsrFormWithSortedColumns() {
        SparseMatrix m = example();

        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.cols()).isEqualTo(4);
        assertThat(m.nnz()).isEqualTo(4);
        assertThat(m.rowIndices(0)).containsExactly(1, 3);
        assertThat(m.rowValues(0)).containsExactly(2f, 1f);
        assertThat(m.rowStart(1)).isEqualTo(m.rowEnd(1));
        assertThat(m.rowIndices(2)).containsExactly(0, 2);
        assertThat(m.colIndex(m.rowStart(2))).isZero();
        assertThat(m.value(m.rowStart(2))).isEqualTo(5f);
    }

    @Test
    void sumsDuplicateCells() {
        SparseMatrix m = example();

        assertThat(m.get(0, 1)).isEqualTo(2f);
        assertThat(m.rowNnz(0)).isEqualTo(2);
    }

    @Test
    void returnsZeroForAbsentCells() {
        SparseMatrix m = example();

        assertThat(m.get(1, 2)).isZero();
        assertThat(m.get(0, 0)).isZero();
        assertThat(m.get(2, 2)).isEqualTo(3f);
    }

    @Test
    void transposesToTheSameDenseMatrix() {
        SparseMatrix m = example();
        SparseMatrix t = m.transpose();

        assertThat(t.rows()).isEqualTo(4);
        assertThat(t.cols()).isEqualTo(3);
        assertThat(t.rowIndices(0)).containsExactly(2);
        assertThat(t.rowIndices(1)).containsExactly(0);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(t.get(c, r)).isEqualTo(m.get(r, c));
            }
        }
    }

    @Test
    void agreesWithADenseMatrixOnRandomData() {
        Random random = new Random(42);
        int rows = 50;
        int cols = 70;
        float[][] dense = new float[rows][cols];
        SparseMatrix.Builder builder = SparseMatrix.builder(rows, cols);
        for (int i = 0; i < 600; i++) {
            int r = random.nextInt(rows);
            int c = random.nextInt(cols);
            float v = random.nextInt(5) + 1;
            dense[r][c] += v;
            builder.add(r, c, v);
        }
        SparseMatrix m = builder.build();
        SparseMatrix t = m.transpose();

        for (int r = 0; r < rows; r++) {
            int[] cols1 = m.rowIndices(r);
            assertThat(cols1).isSorted();
            for (int c = 0; c < cols; c++) {
                assertThat(m.get(r, c)).isEqualTo(dense[r][c]);
                assertThat(t.get(c, r)).isEqualTo(dense[r][c]);
            }
        }
    }

    @Test
    void multipliesByADenseVector() {
        assertThat(example().multiply(new float[] { 1, 1, 1, 2 })).containsExactly(4f, 0f, 8f);
    }

    @Test
    void rejectsCellsOutsideTheShape() {
        assertThatExceptionOfType(IndexOutOfBoundsException.class)
                .isThrownBy(() -> SparseMatrix.builder(2, 2).add(2, 0, 1f))
                .withMessageContaining("(2, 0)");
        assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> example().get(0, 4));
    }

    @Test
    void buildsAnEmptyMatrix() {
        SparseMatrix m = SparseMatrix.builder(3, 0).build();

        assertThat(m.nnz()).isZero();
        assertThat(m.rowIndices(2)).isEmpty();
        assertThat(m.transpose().rows()).isZero();
    }
}
