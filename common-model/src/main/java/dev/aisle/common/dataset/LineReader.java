package dev.aisle.common.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line with line numbers for error messages. Blank lines at the end are ignored; a blank
 * line followed by more data is a format error, so that nothing is silently skipped.
 */
final class LineReader {

    /** Receives one non-blank line. */
    @FunctionalInterface
    interface LineHandler {

        void accept(String line, long lineNumber);
    }

    private LineReader() {
    }

    static void forEach(Path file, Charset charset, boolean hasHeader, LineHandler header, LineHandler handler)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            String line;
            long number = 0;
            long firstBlank = -1;
            boolean headerSeen = !hasHeader;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    if (firstBlank < 0) {
                        firstBlank = number;
                    }
                    continue;
                }
                if (firstBlank >= 0) {
                    throw new DatasetFormatException(file, firstBlank, "blank line inside the data");
                }
                if (!headerSeen) {
                    headerSeen = true;
                    header.accept(line, number);
                    continue;
                }
                handler.accept(line, number);
            }
            if (!headerSeen) {
                throw new DatasetFormatException(file, 1, "missing header line");
            }
        }
    }

    /** Splits on a single-character separator without regular expressions; keeps empty fields. */
    static String[] split(String line, char separator, int expected) {
        String[] fields = new String[Math.max(expected, 1)];
        int count = 0;
        int start = 0;
        while (true) {
            int end = line.indexOf(separator, start);
            String field = end < 0 ? line.substring(start) : line.substring(start, end);
            if (count == fields.length) {
                fields = java.util.Arrays.copyOf(fields, fields.length * 2);
            }
            fields[count++] = field;
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return count == fields.length ? fields : java.util.Arrays.copyOf(fields, count);
    }

    static float parseFloat(Path file, long line, String field, String name) {
        try {
            float value = Float.parseFloat(field.strip());
            if (!Float.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, name + " is not a number: '" + field + "'");
        }
    }

    static long parseLong(Path file, long line, String field, String name) {
        try {
            return Long.parseLong(field.strip());
        }
        catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, name + " is not an integer: '" + field + "'");
        }
    }

    static int parseInt(Path file, long line, String field, String name) {
        try {
            return Integer.parseInt(field.strip());
        }
        catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, name + " is not an integer: '" + field + "'");
        }
    }

    static String requireId(Path file, long line, String field, String name) {
        String id = field.strip();
        if (id.isEmpty()) {
            throw new DatasetFormatException(file, line, name + " is empty");
        }
        return id;
    }
}
