package dev.aisle.behavior.prediction.model.eval;

import dev.aisle.behavior.prediction.model.PrefixEvaluator;
import dev.aisle.common.dataset.SrGnnDataset;
import dev.aisle.common.dataset.SrGnnReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

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
     * Reads {@code DIR/train_sessions.txt} and {@code DIR/test.tsv}, the SR-GNN benchmark files, with
     * common-model's {@link SrGnnReader}.
     */
    public static SessionDataset readSrGnn(Path dir) {
        SrGnnDataset data;
        try {
            data = SrGnnReader.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SR-GNN dataset in " + dir, e);
        }
        int max = data.maxItemId();
        int min = Integer.MAX_VALUE;
        for (int[] s : data.trainSessions()) {
            for (int id : s) {
                min = Math.min(min, id);
            }
        }
        List<PrefixEvaluator.Case> test = data.testCases().stream()
                .map(c -> new PrefixEvaluator.Case(c.prefix(), c.target())).toList();
        return new SessionDataset(dir.getFileName().toString(), data.trainSessions(), test, max + 1,
                min >= 1 ? 0 : -1);
    }
}
