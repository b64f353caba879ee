package dev.aisle.common.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** RFC 4180 CSV reading with the starting line of each record, for {@code file:line} errors. */
final class CsvRows {

    /** Receives one record with the file line it starts on. */
    @FunctionalInterface
    interface RowHandler {

        void accept(CSVRecord record, long lineNumber);
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvRows() {
    }

    /**
     * Reads every record of {@code file}, the header included, in order. Blank lines at the end are ignored; a
     * blank line followed by more records is a format error.
     */
    static void forEach(Path file, Charset charset, RowHandler handler) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, charset); CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            long previousEnd = 0;
            long firstBlank = -1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                }
                catch (UncheckedIOException | IllegalStateException e) {
                    String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    throw new DatasetFormatException(file, previousEnd + 1, "unreadable CSV: " + reason, e);
                }
                long end = parser.getCurrentLineNumber();
                long start = previousEnd + 1;
                previousEnd = end;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    firstBlank = firstBlank < 0 ? start : firstBlank;
                    continue;
                }
                if (firstBlank >= 0) {
                    throw new DatasetFormatException(file, firstBlank, "blank line inside the data");
                }
                handler.accept(record, start);
            }
        }
    }

    /** The field values of a record, a BOM stripped from the first one. */
    static List<String> values(CSVRecord record) {
        List<String> values = record.toList();
        if (record.getRecordNumber() == 1 && !values.isEmpty() && values.get(0).startsWith("\uFEFF")) {
            values = new java.util.ArrayList<>(values);
            values.set(0, values.get(0).substring(1));
        }
        return values;
    }
}
