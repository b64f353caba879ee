package dev.aisle.behavior.prediction.model.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Binary form of {@link RecurrentConfig} inside saved models. */
final class RecurrentConfigCodec {

    private RecurrentConfigCodec() {
    }

    static void write(RecurrentConfig c, DataOutputStream out) throws IOException {
        out.writeUTF(c.cell());
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
    }

    static RecurrentConfig read(DataInputStream in) throws IOException {
        return new RecurrentConfig(in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readDouble(), in.readInt(), in.readDouble(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong());
    }
}
