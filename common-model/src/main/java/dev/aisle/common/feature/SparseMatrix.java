package dev.aisle.common.feature;

import java.util.Arrays;

/**
 * An immutable sparse float matrix in compressed sparse row (CSR) form, e.g. users × items.
 *
 * <p>Row {@code r} occupies positions {@code rowStart(r) … rowEnd(r)-1}; {@code colIndex(pos)} and
 * {@code value(pos)} give its entries with column indices strictly increasing within a row. Build one with
 * {@link #builder(int, int)}; duplicate cells are summed.
 */
public final class SparseMatrix {

    private final int rows;
    private final int cols;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final float[] values;

    private SparseMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    /** A builder of a {@code rows × cols} matrix. */
    public static Builder builder(int rows, int cols) {
        return new Builder(rows, cols);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of stored entries. */
    public int nnz() {
        return colIdx.length;
    }

    /** First position of row {@code r}. */
    public int rowStart(int r) {
        return rowPtr[r];
    }

    /** One past the last position of row {@code r}. */
    public int rowEnd(int r) {
        return rowPtr[r + 1];
    }

    /** Number of stored entries in row {@code r}. */
    public int rowNnz(int r) {
        return rowPtr[r + 1] - rowPtr[r];
    }

    /** Column of the entry at {@code pos}. */
    public int colIndex(int pos) {
        return colIdx[pos];
    }

    /** Value of the entry at {@code pos}. */
    public float value(int pos) {
        return values[pos];
    }

    /** A copy of the column indices of row {@code r}, increasing. */
    public int[] rowIndices(int r) {
        return Arrays.copyOfRange(colIdx, rowPtr[r], rowPtr[r + 1]);
    }

    /** A copy of the values of row {@code r}, aligned with {@link #rowIndices(int)}. */
    public float[] rowValues(int r) {
        return Arrays.copyOfRange(values, rowPtr[r], rowPtr[r + 1]);
    }

    /** The value at {@code (r, c)}, 0 when not stored; binary search in the row, O(log nnz(r)). */
    public float get(int r, int c) {
        if (c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("column " + c + " out of [0, " + cols + ")");
        }
        int pos = Arrays.binarySearch(colIdx, rowPtr[r], rowPtr[r + 1], c);
        return pos >= 0 ? values[pos] : 0f;
    }

    /** The transpose ({@code cols × rows}), in O(nnz + rows + cols); its rows are sorted too. */
    public SparseMatrix transpose() {
        int nnz = nnz();
        int[] tPtr = new int[cols + 1];
        for (int pos = 0; pos < nnz; pos++) {
            tPtr[colIdx[pos] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            tPtr[c + 1] += tPtr[c];
        }
        int[] next = Arrays.copyOf(tPtr, cols);
        int[] tCol = new int[nnz];
        float[] tVal = new float[nnz];
        for (int r = 0; r < rows; r++) {
            for (int pos = rowPtr[r], end = rowPtr[r + 1]; pos < end; pos++) {
                int dest = next[colIdx[pos]]++;
                tCol[dest] = r;
                tVal[dest] = values[pos];
            }
        }
        return new SparseMatrix(cols, rows, tPtr, tCol, tVal);
    }

    /** {@code y = A x}, a new array of length {@link #rows()}. */
    public float[] multiply(float[] x) {
        if (x.length != cols) {
            throw new IllegalArgumentException("vector length " + x.length + " != cols " + cols);
        }
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            for (int pos = rowPtr[r], end = rowPtr[r + 1]; pos < end; pos++) {
                sum += values[pos] * x[colIdx[pos]];
            }
            y[r] = sum;
        }
        return y;
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {

        private final int rows;
        private final int cols;
        private int size;
        private int[] rowOf = new int[16];
        private int[] colOf = new int[16];
        private float[] valueOf = new float[16];

        private Builder(int rows, int cols) {
            if (rows < 0 || cols < 0) {
                throw new IllegalArgumentException("illegal shape " + rows + " x " + cols + ", must be non-negative");
            }
            this.rows = rows;
            this.cols = cols;
        }

        /** Adds {@code value} to cell {@code (row, col)}; repeated cells are summed by {@link #build()}. */
        public Builder add(int row, int col, float value) {
            if (row < 0 || row >= rows || col < 0 || col >= cols) {
                throw new IndexOutOfBoundsException(
                        "cell (" + row + ", " + col + ") outside a " + rows + " x " + cols + " matrix");
            }
            if (size == rowOf.length) {
                int capacity = Math.max(16, size + (size >> 1));
                rowOf = Arrays.copyOf(rowOf, capacity);
                colOf = Arrays.copyOf(colOf, capacity);
                valueOf = Arrays.copyOf(valueOf, capacity);
            }
            rowOf[size] = row;
            colOf[size] = col;
            valueOf[size] = value;
            size++;
            return this;
        }

        /** Number of {@link #add} calls so far. */
        public int size() {
            return size;
        }

        /** The matrix: entries bucketed by row, sorted by column, duplicates summed in insertion order. */
        public SparseMatrix build() {
            int[] ptr = new int[rows + 1];
            for (int i = 0; i < size; i++) {
                ptr[rowOf[i] + 1]++;
            }
            for (int r = 0; r < rows; r++) {
                ptr[r + 1] += ptr[r];
            }
            int[] next = Arrays.copyOf(ptr, rows);
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[next[rowOf[i]]++] = i;
            }
            int[] outCol = new int[size];
            float[] outVal = new float[size];
            int[] outPtr = new int[rows + 1];
            int written = 0;
            long[] keys = new long[0];
            for (int r = 0; r < rows; r++) {
                int start = ptr[r];
                int len = ptr[r + 1] - start;
                if (keys.length < len) {
                    keys = new long[Math.max(len, keys.length * 2)];
                }
                // column in the high bits, insertion sequence in the low bits: a stable sort by column
                for (int j = 0; j < len; j++) {
                    keys[j] = ((long) colOf[order[start + j]] << 32) | j;
                }
                Arrays.sort(keys, 0, len);
                int lastCol = -1;
                for (int j = 0; j < len; j++) {
                    int col = (int) (keys[j] >>> 32);
                    float v = valueOf[order[start + (int) keys[j]]];
                    if (col == lastCol) {
                        outVal[written - 1] += v;
                    }
                    else {
                        outCol[written] = col;
                        outVal[written] = v;
                        written++;
                        lastCol = col;
                    }
                }
                outPtr[r + 1] = written;
            }
            return new SparseMatrix(rows, cols, outPtr, Arrays.copyOf(outCol, written),
                    Arrays.copyOf(outVal, written));
        }
    }
}
