package dev.aisle.behavior.prediction.model.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Binary form of {@link RecurrentConfig} inside saved models. */
final class RecurrentConfigCodec {

    private RecurrentConfigCodec() {
    }

    static void write(RecurrentConfig c, DataOutputStream out) throws IOException {
        // "v5:" marks the format with the learning-rate decay; "v4:" had loss, tying, dropout, readout and scale,
        // "v3:" no readout, "v2:" no dropout;
        // older streams hold the bare cell name
        out.writeUTF(V5 + c.cell());
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
        out.writeDouble(c.dropout());
        out.writeUTF(c.readout());
        out.writeDouble(c.scale());
        out.writeDouble(c.decay());
    }

    private static final String V2 = "v2:";
    private static final String V3 = "v3:";
    private static final String V4 = "v4:";
    private static final String V5 = "v5:";

    static RecurrentConfig read(DataInputStream in) throws IOException {
        String cell = in.readUTF();
        int version = cell.startsWith(V5) ? 5 : cell.startsWith(V4) ? 4 : cell.startsWith(V3) ? 3 : cell.startsWith(V2) ? 2 : 1;
        String bare = version > 1 ? cell.substring(V2.length()) : cell;
        int embedding = in.readInt();
        int hidden = in.readInt();
        int epochs = in.readInt();
        int batch = in.readInt();
        double rate = in.readDouble();
        int maxLength = in.readInt();
        double share = in.readDouble();
        int cases = in.readInt();
        int patience = in.readInt();
        int negatives = in.readInt();
        long seed = in.readLong();
        String loss = version > 1 ? in.readUTF() : "sampled-uncorrected";
        boolean tied = version > 1 && in.readBoolean();
        double dropout = version > 2 ? in.readDouble() : 0;
        String readout = version > 3 ? in.readUTF() : "last";
        double scale = version > 3 ? in.readDouble() : 0;
        double decay = version > 4 ? in.readDouble() : 1;
        return new RecurrentConfig(bare, embedding, hidden, epochs, batch, rate, maxLength, share, cases, patience,
                negatives, seed, loss, tied, dropout, readout, scale, decay);
    }
}
