package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The versioned binary envelope of saved models: magic {@code AISR}, format version, algorithm name, then the
 * algorithm's payload (big-endian, arrays prefixed by their length).
 */
public final class ModelIo {

    /** First four bytes of every saved model: "AISR". */
    public static final int MAGIC = 0x41495352;

    /** Current format version; readers reject newer versions. */
    public static final int FORMAT_VERSION = 1;

    private ModelIo() {
    }

    /** Writes the model with its envelope; the stream is flushed, not closed. */
    public static void save(Recommender model, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(model.algorithm());
        model.writePayload(out);
        out.flush();
    }

    /** Reads a model written by {@link #save}. */
    public static Recommender load(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an Aisle model (bad magic)");
        }
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("unsupported model format version " + version + ", must be 1.." + FORMAT_VERSION);
        }
        String algorithm = in.readUTF();
        return switch (algorithm) {
            case ImplicitAls.NAME -> ImplicitAls.read(in);
            case Bpr.NAME -> Bpr.read(in);
            case BiasedMf.NAME -> BiasedMf.read(in);
            case ItemKnn.NAME -> ItemKnn.read(in);
            case UserKnn.NAME -> UserKnn.read(in);
            case Popularity.NAME -> Popularity.read(in);
            case ContentSimilarity.NAME -> ContentSimilarity.read(in);
            case Ease.NAME -> Ease.read(in);
            case TwoTower.NAME -> TwoTower.read(in);
            default -> throw new IOException("unknown algorithm '" + algorithm + "'");
        };
    }

    static void writeParams(DataOutputStream out, java.util.Map<String, Object> params) throws IOException {
        out.writeInt(params.size());
        for (var e : params.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(String.valueOf(e.getValue()));
        }
    }

    static java.util.Map<String, String> readParams(DataInputStream in) throws IOException {
        int n = in.readInt();
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            params.put(in.readUTF(), in.readUTF());
        }
        return params;
    }
}
