package dev.aisle.behavior.prediction.training;

/** The two model families the service trains, as stored in {@code behavior.prediction_models.kind}. */
public enum ModelKind {

    NEXT_ITEM("next_item"),
    PURCHASE("purchase");

    private final String column;

    ModelKind(String column) {
        this.column = column;
    }

    /** The value of the {@code kind} column. */
    public String column() {
        return column;
    }
}
