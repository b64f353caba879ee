package dev.aisle.behavior.prediction.model.eval;

import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A session benchmark as the evaluation reads it: chronologically ordered training sessions and (prefix, target)
 * test cases over integer item ids, with {@code numItems = max id + 1}.
 * @param name dataset label for reports
 * @param train training sessions in file order (chronological in the SR-GNN protocol)
 * @param test test cases
 * @param numItems size of the item index space
 * @param excluded an id that is never a real item (0 for the 1-based SR-GNN ids), or -1
 */
public record SessionDataset(String name, List<int[]> train, List<PrefixEvaluator.Case> test, int numItems,
        int excluded) {

    /**
     * Reads {@code DIR/train_sessions.txt} (one session per line, comma-separated ids) and {@code DIR/test.tsv}
     * (header, then {@code prefix<TAB>target}), the SR-GNN benchmark files.
     */
    public static SessionDataset readSrGnn(Path dir) {
        try (Stream<String> trainLines = Files.lines(dir.resolve("train_sessions.txt"));
                Stream<String> testLines = Files.lines(dir.resolve("test.tsv"))) {
            List<int[]> train = trainLines.filter(l -> !l.isBlank()).map(SessionDataset::ids).toList();
            List<PrefixEvaluator.Case> test = new ArrayList<>();
            testLines.skip(1).filter(l -> !l.isBlank()).forEach(line -> {
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("bad test line, expected prefix<TAB>target: " + line);
                }
                test.add(new PrefixEvaluator.Case(ids(parts[0]), Integer.parseInt(parts[1].trim())));
            });
            int max = 0;
            int min = Integer.MAX_VALUE;
            for (int[] s : train) {
                for (int id : s) {
                    max = Math.max(max, id);
                    min = Math.min(min, id);
                }
            }
            for (PrefixEvaluator.Case c : test) {
                for (int id : c.prefix()) {
                    max = Math.max(max, id);
                }
                max = Math.max(max, c.target());
            }
            return new SessionDataset(dir.getFileName().toString(), train, test, max + 1, min >= 1 ? 0 : -1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SR-GNN dataset in " + dir, e);
        }
    }

    private static int[] ids(String csv) {
        int[] ids = Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        for (int id : ids) {
            if (id < 0) {
                throw new IllegalArgumentException("negative item id " + id + " in: " + csv);
            }
        }
        return ids;
    }
}
