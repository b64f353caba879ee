package dev.aisle.behavior.prediction.model.purchase;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Writes any purchase-intent model with its name as a header and reads it back. */
public final class PurchaseIntentModels {

    private PurchaseIntentModels() {
    }

    public static void write(PurchaseIntentModel model, DataOutputStream out) throws IOException {
        out.writeUTF(model.name());
        model.write(out);
    }

    public static PurchaseIntentModel read(DataInputStream in) throws IOException {
        String name = in.readUTF();
        return switch (name) {
            case "logistic" -> LogisticPurchaseModel.read(in);
            case "lstm" -> LstmPurchaseModel.read(in);
            default -> throw new IOException("unknown purchase model in stream: " + name);
        };
    }
}
