package dev.aisle.common.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Length-prefixed primitive arrays for saved model state: an {@code int} length, then the values big-endian, byte
 * for byte what {@link DataOutputStream#writeInt}/{@link DataOutputStream#writeFloat} would write, but in one bulk
 * copy instead of one call per value.
 */
public final class PrimitiveArrays {

    private PrimitiveArrays() {}

    /** Writes {@code values} with its length. */
    public static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        buffer.asIntBuffer().put(values);
        out.write(buffer.array());
    }

    /** Reads an array written by {@link #writeInts}. */
    public static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[length(in)];
        ByteBuffer.wrap(readFully(in, values.length * Integer.BYTES)).asIntBuffer().get(values);
        return values;
    }

    /** Writes {@code values} with its length. */
    public static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    /** Reads an array written by {@link #writeFloats}. */
    public static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[length(in)];
        ByteBuffer.wrap(readFully(in, values.length * Float.BYTES)).asFloatBuffer().get(values);
        return values;
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > Integer.MAX_VALUE / Float.BYTES) {
            throw new IOException("corrupt array length " + length);
        }
        return length;
    }

    private static byte[] readFully(DataInputStream in, int bytes) throws IOException {
        byte[] data = in.readNBytes(bytes);
        if (data.length != bytes) {
            throw new EOFException("expected " + bytes + " bytes of array data, found " + data.length);
        }
        return data;
    }
}
