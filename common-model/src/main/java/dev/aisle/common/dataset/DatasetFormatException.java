package dev.aisle.common.dataset;

import java.nio.file.Path;

/** A malformed row in a dataset file; the message reads {@code file:line: reason}. */
public class DatasetFormatException extends RuntimeException {

    private final transient Path file;
    private final long line;

    /**
     * @param file   the file read
     * @param line   1-based line number of the offending row (its first line for multi-line CSV records)
     * @param reason what is wrong
     */
    public DatasetFormatException(Path file, long line, String reason) {
        this(file, line, reason, null);
    }

    /** Like {@link #DatasetFormatException(Path, long, String)} with the underlying cause. */
    public DatasetFormatException(Path file, long line, String reason, Throwable cause) {
        super(file + ":" + line + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }
}
