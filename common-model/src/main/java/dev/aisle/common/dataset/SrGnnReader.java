package dev.aisle.common.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SR-GNN style split directory: {@code train_sessions.txt} (one session per line, comma-separated item
 * ids) and {@code test.tsv} (header {@code prefix<TAB>target}, comma-separated prefix, target id).
 */
public final class SrGnnReader {

    private SrGnnReader() {
    }

    /** Reads both files of {@code dir}. */
    public static SrGnnDataset read(Path dir) throws IOException {
        return new SrGnnDataset(readSessions(dir.resolve("train_sessions.txt")), readTestCases(dir.resolve("test.tsv")));
    }

    /** Reads a file of comma-separated sessions. */
    public static List<int[]> readSessions(Path file) throws IOException {
        List<int[]> sessions = new ArrayList<>();
        LineReader.forEach(file, StandardCharsets.UTF_8, false, null,
                (line, number) -> sessions.add(parseIds(file, number, line.strip())));
        return sessions;
    }

    /** Reads a {@code prefix<TAB>target} file with header. */
    public static List<SessionTestCase> readTestCases(Path file) throws IOException {
        List<SessionTestCase> cases = new ArrayList<>();
        LineReader.forEach(file, StandardCharsets.UTF_8, true, (header, number) -> {
            if (!header.strip().equals("prefix\ttarget")) {
                throw new DatasetFormatException(file, number, "expected header 'prefix<TAB>target' but found '"
                        + header + "'");
            }
        }, (line, number) -> {
            String[] f = LineReader.split(line.strip(), '\t', 2);
            if (f.length != 2) {
                throw new DatasetFormatException(file, number,
                        "expected 2 tab-separated fields (prefix target) but found " + f.length);
            }
            cases.add(new SessionTestCase(parseIds(file, number, f[0]),
                    LineReader.parseInt(file, number, f[1], "target")));
        });
        return cases;
    }

    private static int[] parseIds(Path file, long number, String text) {
        String[] f = LineReader.split(text, ',', 8);
        int[] ids = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            ids[i] = LineReader.parseInt(file, number, f[i], "item id " + (i + 1));
        }
        return ids;
    }
}
