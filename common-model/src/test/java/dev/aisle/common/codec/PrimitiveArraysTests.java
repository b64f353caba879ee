package dev.aisle.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrimitiveArraysTests {

    @Test
    void roundTripsIntsAndFloats() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        PrimitiveArrays.writeInts(out, new int[] {3, -1, Integer.MAX_VALUE});
        PrimitiveArrays.writeFloats(out, new float[] {0.5f, Float.NaN, -2f});
        PrimitiveArrays.writeInts(out, new int[0]);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(PrimitiveArrays.readInts(in)).containsExactly(3, -1, Integer.MAX_VALUE);
        assertThat(Arrays.toString(PrimitiveArrays.readFloats(in))).isEqualTo("[0.5, NaN, -2.0]");
        assertThat(PrimitiveArrays.readInts(in)).isEmpty();
    }

    @Test
    void writesTheSameBytesAsDataOutputStreamPerValue() throws IOException {
        ByteArrayOutputStream bulk = new ByteArrayOutputStream();
        PrimitiveArrays.writeFloats(new DataOutputStream(bulk), new float[] {1.25f, -7f});
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(single);
        out.writeInt(2);
        out.writeFloat(1.25f);
        out.writeFloat(-7f);
        assertThat(bulk.toByteArray()).isEqualTo(single.toByteArray());
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrimitiveArrays.writeInts(new DataOutputStream(bytes), new int[] {1, 2, 3});
        byte[] truncated = Arrays.copyOf(bytes.toByteArray(), 10);
        assertThatThrownBy(() -> PrimitiveArrays.readInts(new DataInputStream(new ByteArrayInputStream(truncated))))
                .isInstanceOf(EOFException.class);
    }
}
