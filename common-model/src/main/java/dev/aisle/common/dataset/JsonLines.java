package dev.aisle.common.dataset;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes JSON records: a JSON array of objects or newline-delimited JSON (one object per line), with
 * {@code file:line} errors. Uses Jackson 3, which handles {@code java.time} natively (ISO-8601 instants); unknown
 * properties are ignored so that exports carrying extra fields can be imported.
 */
public final class JsonLines {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonLines() {
    }

    /** The shared mapper used by the readers. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Receives one record with the line it starts on. */
    @FunctionalInterface
    public interface RecordHandler<T> {

        /** Handles {@code record}, which starts on 1-based line {@code line}. */
        void accept(T record, long line);
    }

    /** Reads a JSON array or NDJSON, telling them apart by the first non-blank character ({@code [} = array). */
    public static <T> List<T> read(Path file, Class<T> type) throws IOException {
        List<T> records = new ArrayList<>();
        forEachWithLine(file, type, (record, line) -> records.add(record));
        return records;
    }

    /** Streams a JSON array or NDJSON file record by record (see {@link #read}). */
    public static <T> void forEach(Path file, Class<T> type, Consumer<? super T> consumer) throws IOException {
        forEachWithLine(file, type, (record, line) -> consumer.accept(record));
    }

    /** Streams a JSON array or NDJSON file record by record with the line each record starts on. */
    public static <T> void forEachWithLine(Path file, Class<T> type, RecordHandler<? super T> handler)
            throws IOException {
        if (startsWithArray(file)) {
            forEachInArray(file, type, handler);
        }
        else {
            forEachLine(file, type, handler);
        }
    }

    /** Reads newline-delimited JSON: one object per line; blank lines only at the end. */
    public static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
        List<T> records = new ArrayList<>();
        forEachLine(file, type, (record, line) -> records.add(record));
        return records;
    }

    /** Reads a JSON array of objects. */
    public static <T> List<T> readArray(Path file, Class<T> type) throws IOException {
        List<T> records = new ArrayList<>();
        forEachInArray(file, type, (record, line) -> records.add(record));
        return records;
    }

    /** Writes the records as newline-delimited JSON. */
    public static void writeLines(Path file, Collection<?> records) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object record : records) {
                writer.write(MAPPER.writeValueAsString(record));
                writer.write('\n');
            }
        }
    }

    static <T> void forEachLine(Path file, Class<T> type, RecordHandler<? super T> handler) throws IOException {
        LineReader.forEach(file, StandardCharsets.UTF_8, false, null, (line, number) -> {
            T value;
            try {
                value = MAPPER.readValue(line, type);
            }
            catch (JacksonException e) {
                throw new DatasetFormatException(file, number, "invalid JSON: " + e.getOriginalMessage(), e);
            }
            if (value == null) {
                throw new DatasetFormatException(file, number, "null instead of a JSON object");
            }
            handler.accept(value, number);
        });
    }

    static <T> void forEachInArray(Path file, Class<T> type, RecordHandler<? super T> handler) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new DatasetFormatException(file, line(parser.currentTokenLocation()),
                            "expected a JSON array");
                }
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new DatasetFormatException(file, line(parser.currentLocation()),
                                "unexpected end of file inside the JSON array");
                    }
                    long line = line(parser.currentTokenLocation());
                    if (token != JsonToken.START_OBJECT) {
                        throw new DatasetFormatException(file, line, "expected a JSON object but found " + token);
                    }
                    handler.accept(readRecord(file, parser, type, line), line);
                }
                if (parser.nextToken() != null) {
                    throw new DatasetFormatException(file, line(parser.currentTokenLocation()),
                            "unexpected content after the JSON array");
                }
            }
            catch (JacksonException e) {
                throw new DatasetFormatException(file, line(e.getLocation()), "invalid JSON: " + e.getOriginalMessage(),
                        e);
            }
        }
    }

    private static <T> T readRecord(Path file, JsonParser parser, Class<T> type, long line) {
        try {
            return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(parser);
        }
        catch (JacksonException e) {
            throw new DatasetFormatException(file, line, "invalid JSON record: " + e.getOriginalMessage(), e);
        }
    }

    private static long line(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    private static boolean startsWithArray(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = reader.read()) >= 0) {
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return c == '[';
                }
            }
            return false;
        }
    }
}
