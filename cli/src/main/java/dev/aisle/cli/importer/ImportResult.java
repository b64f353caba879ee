package dev.aisle.cli.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Counts of one import, summed over the batches as the API reported them. */
public final class ImportResult {

    private static final int MAX_ERRORS = 5;

    long sent;

    long accepted;

    long duplicates;

    long rejected;

    long failedBatches;

    final List<String> errors = new ArrayList<>();

    public long sent() {
        return sent;
    }

    public long accepted() {
        return accepted;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejected() {
        return rejected;
    }

    public long failedBatches() {
        return failedBatches;
    }

    /** The first few error responses, for the report. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    void error(String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(message.length() > 400 ? message.substring(0, 400) + "…" : message);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d sent: %,d accepted, %,d duplicates, %,d rejected%s", sent,
                accepted, duplicates, rejected, failedBatches > 0 ? " (" + failedBatches + " failed batches)" : "");
    }
}
