package dev.aisle.behavior.prediction.model;

import dev.aisle.behavior.prediction.model.baseline.PopularityModel;
import dev.aisle.behavior.prediction.model.baseline.SequentialRulesModel;
import dev.aisle.behavior.prediction.model.baseline.SessionKnnModel;
import dev.aisle.behavior.prediction.model.baseline.SessionPopularityModel;
import dev.aisle.behavior.prediction.model.neural.BlendModel;
import dev.aisle.behavior.prediction.model.neural.RecurrentNextItemModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Writes any next-item model with its name as a header and reads it back. */
public final class NextItemModels {

    private NextItemModels() {
    }

    /** Writes {@code model} preceded by its name. */
    public static void write(NextItemModel model, DataOutputStream out) throws IOException {
        out.writeUTF(model.name());
        model.write(out);
    }

    /** Reads a model written by {@link #write}. */
    public static NextItemModel read(DataInputStream in) throws IOException {
        String name = in.readUTF();
        return switch (name) {
            case "pop" -> PopularityModel.read(in);
            case "spop" -> SessionPopularityModel.read(in);
            case "item-knn" -> SequentialRulesModel.read(in);
            case "sknn" -> SessionKnnModel.read(in);
            case "lstm", "gru" -> RecurrentNextItemModel.read(in);
            case "blend" -> BlendModel.read(in);
            default -> throw new IOException("unknown model in stream: " + name);
        };
    }
}
