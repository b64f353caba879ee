package dev.aisle.behavior.prediction.model.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Binary form of {@link RecurrentConfig} inside saved models. */
final class RecurrentConfigCodec {

    private RecurrentConfigCodec() {
    }

    static void write(RecurrentConfig c, DataOutputStream out) throws IOException {
        // "v2:" marks the format with the loss; older streams hold the bare cell name
        out.writeUTF(V2 + c.cell());
        out.writeInt(c.embeddingSize());
        out.writeInt(c.hiddenSize());
        out.writeInt(c.epochs());
        out.writeInt(c.batchSize());
        out.writeDouble(c.learningRate());
        out.writeInt(c.maxLength());
        out.writeDouble(c.validationShare());
        out.writeInt(c.validationCases());
        out.writeInt(c.patience());
        out.writeInt(c.negatives());
        out.writeLong(c.seed());
        out.writeUTF(c.loss());
        out.writeBoolean(c.tied());
    }

    private static final String V2 = "v2:";

    static RecurrentConfig read(DataInputStream in) throws IOException {
        String cell = in.readUTF();
        boolean v2 = cell.startsWith(V2);
        return new RecurrentConfig(v2 ? cell.substring(V2.length()) : cell, in.readInt(), in.readInt(), in.readInt(),
                in.readInt(), in.readDouble(), in.readInt(), in.readDouble(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong(), v2 ? in.readUTF() : "sampled-uncorrected", v2 && in.readBoolean());
    }
}
