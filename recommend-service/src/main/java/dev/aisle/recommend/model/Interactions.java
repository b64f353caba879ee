package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.util.Arrays;

/**
 * An immutable user × item interaction matrix held twice in compressed sparse row form (by user and by item), values
 * summed over duplicate pairs; users and items are dense indices {@code 0..users-1} and {@code 0..items-1}.
 */
public final class Interactions {

    private final int users;
    private final int items;
    final int[] userStart;
    final int[] userItems;
    final float[] userValues;
    final int[] itemStart;
    final int[] itemUsers;
    final float[] itemValues;

    private Interactions(int users, int items, int[] userStart, int[] userItems, float[] userValues) {
        this.users = users;
        this.items = items;
        this.userStart = userStart;
        this.userItems = userItems;
        this.userValues = userValues;
        this.itemStart = new int[items + 1];
        this.itemUsers = new int[userItems.length];
        this.itemValues = new float[userItems.length];
        for (int item : userItems) {
            itemStart[item + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] fill = Arrays.copyOf(itemStart, items);
        for (int u = 0; u < users; u++) {
            for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                int at = fill[userItems[p]]++;
                itemUsers[at] = u;
                itemValues[at] = userValues[p];
            }
        }
    }

    /**
     * Builds the matrix from parallel coordinate arrays; duplicate (user, item) pairs are summed.
     *
     * @throws IllegalArgumentException when the arrays differ in length or an index is out of range
     */
    public static Interactions of(int users, int items, int[] user, int[] item, float[] value) {
        if (user.length != item.length || user.length != value.length) {
            throw new IllegalArgumentException("coordinate arrays differ in length");
        }
        int[] count = new int[users + 1];
        for (int n = 0; n < user.length; n++) {
            if (user[n] < 0 || user[n] >= users || item[n] < 0 || item[n] >= items) {
                throw new IllegalArgumentException("illegal pair (" + user[n] + ", " + item[n] + ") for "
                        + users + " users × " + items + " items");
            }
            count[user[n] + 1]++;
        }
        for (int u = 0; u < users; u++) {
            count[u + 1] += count[u];
        }
        int[] fill = Arrays.copyOf(count, users);
        int[] cols = new int[user.length];
        float[] vals = new float[user.length];
        for (int n = 0; n < user.length; n++) {
            int at = fill[user[n]]++;
            cols[at] = item[n];
            vals[at] = value[n];
        }
        // sort each row by item and merge duplicates
        int[] start = new int[users + 1];
        int out = 0;
        for (int u = 0; u < users; u++) {
            int from = count[u];
            int to = count[u + 1];
            sortRow(cols, vals, from, to);
            start[u] = out;
            for (int p = from; p < to; p++) {
                if (out > start[u] && cols[out - 1] == cols[p]) {
                    vals[out - 1] += vals[p];
                } else {
                    cols[out] = cols[p];
                    vals[out] = vals[p];
                    out++;
                }
            }
        }
        start[users] = out;
        return new Interactions(users, items, start, Arrays.copyOf(cols, out), Arrays.copyOf(vals, out));
    }

    private static void sortRow(int[] cols, float[] vals, int from, int to) {
        long[] packed = new long[to - from];
        for (int p = from; p < to; p++) {
            packed[p - from] = ((long) cols[p] << 32) | (Float.floatToRawIntBits(vals[p]) & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int p = from; p < to; p++) {
            cols[p] = (int) (packed[p - from] >>> 32);
            vals[p] = Float.intBitsToFloat((int) packed[p - from]);
        }
    }

    public int users() {
        return users;
    }

    public int items() {
        return items;
    }

    /** Number of stored (user, item) pairs. */
    public int size() {
        return userItems.length;
    }

    /** The items of a user, ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
    }

    /** The values of a user's items, aligned with {@link #itemsOf(int)}. */
    public float[] valuesOf(int user) {
        return Arrays.copyOfRange(userValues, userStart[user], userStart[user + 1]);
    }

    /** Number of items the user interacted with. */
    public int userDegree(int user) {
        return userStart[user + 1] - userStart[user];
    }

    /** Number of users who interacted with the item. */
    public int itemDegree(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    /** Whether the user interacted with the item (binary search in the sorted row). */
    public boolean contains(int user, int item) {
        return Arrays.binarySearch(userItems, userStart[user], userStart[user + 1], item) >= 0;
    }

    /** A copy with every value replaced by {@code f(value)}. */
    public Interactions mapValues(java.util.function.DoubleUnaryOperator f) {
        float[] vals = new float[userValues.length];
        for (int p = 0; p < vals.length; p++) {
            vals[p] = (float) f.applyAsDouble(userValues[p]);
        }
        return new Interactions(users, items, userStart, userItems, vals);
    }

    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(users);
        out.writeInt(items);
        PrimitiveArrays.writeInts(out, userStart);
        PrimitiveArrays.writeInts(out, userItems);
        PrimitiveArrays.writeFloats(out, userValues);
    }

    static Interactions read(java.io.DataInputStream in) throws java.io.IOException {
        int users = in.readInt();
        int items = in.readInt();
        return new Interactions(users, items, PrimitiveArrays.readInts(in), PrimitiveArrays.readInts(in), PrimitiveArrays.readFloats(in));
    }
}
