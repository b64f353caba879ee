package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/** The top-N neighbours of each row with their (non-negative) similarities, in compressed sparse row form. */
final class NeighbourLists {

    final int[] start;
    final int[] neighbour;
    final float[] similarity;

    NeighbourLists(int[] start, int[] neighbour, float[] similarity) {
        this.start = start;
        this.neighbour = neighbour;
        this.similarity = similarity;
    }

    /**
     * Keeps the {@code n} largest positive entries of {@code scores} among {@code candidates[0..count)}, largest
     * first, equal scores in ascending index order; returns {@code [indices..., floatBits...]} halves.
     */
    static long[] strongest(float[] scores, int[] candidates, int count, int n) {
        long[] keys = new long[count];
        int m = 0;
        for (int c = 0; c < count; c++) {
            float s = scores[candidates[c]];
            if (s > 0) {
                keys[m++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(s)) << 32) | candidates[c];
            }
        }
        Arrays.sort(keys, 0, m);
        return Arrays.copyOf(keys, Math.min(n, m));
    }

    static int index(long key) {
        return (int) key;
    }

    static float score(long key) {
        return Float.intBitsToFloat(Integer.MAX_VALUE - (int) (key >>> 32));
    }

    static NeighbourLists of(long[][] rows) {
        int[] start = new int[rows.length + 1];
        for (int r = 0; r < rows.length; r++) {
            start[r + 1] = start[r] + rows[r].length;
        }
        int[] neighbour = new int[start[rows.length]];
        float[] similarity = new float[neighbour.length];
        for (int r = 0; r < rows.length; r++) {
            for (int p = 0; p < rows[r].length; p++) {
                neighbour[start[r] + p] = index(rows[r][p]);
                similarity[start[r] + p] = score(rows[r][p]);
            }
        }
        return new NeighbourLists(start, neighbour, similarity);
    }

    void write(DataOutputStream out) throws IOException {
        PrimitiveArrays.writeInts(out, start);
        PrimitiveArrays.writeInts(out, neighbour);
        PrimitiveArrays.writeFloats(out, similarity);
    }

    static NeighbourLists read(DataInputStream in) throws IOException {
        return new NeighbourLists(PrimitiveArrays.readInts(in), PrimitiveArrays.readInts(in), PrimitiveArrays.readFloats(in));
    }
}
