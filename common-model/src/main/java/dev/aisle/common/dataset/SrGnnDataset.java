package dev.aisle.common.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A session-recommendation split in the SR-GNN layout (Wu et al., AAAI 2019): whole training sessions and
 * augmented (prefix, target) test cases.
 *
 * @param trainSessions training sessions, item ids in click order
 * @param testCases     test examples
 */
public record SrGnnDataset(List<int[]> trainSessions, List<SessionTestCase> testCases) {

    public SrGnnDataset {
        trainSessions = List.copyOf(trainSessions);
        testCases = List.copyOf(testCases);
    }

    /**
     * SR-GNN's training augmentation: each session {@code s} of length {@code n} gives the examples
     * {@code (s[0..j) → s[j])} for {@code j = n-1 … 1}, in that order.
     */
    public List<SessionTestCase> trainingExamples() {
        List<SessionTestCase> examples = new ArrayList<>();
        for (int[] session : trainSessions) {
            for (int j = session.length - 1; j >= 1; j--) {
                examples.add(new SessionTestCase(Arrays.copyOf(session, j), session[j]));
            }
        }
        return examples;
    }

    /** The largest item id in the training and test data, or -1 when empty. */
    public int maxItemId() {
        int max = -1;
        for (int[] session : trainSessions) {
            for (int item : session) {
                max = Math.max(max, item);
            }
        }
        for (SessionTestCase example : testCases) {
            max = Math.max(max, example.target());
            for (int item : example.prefix()) {
                max = Math.max(max, item);
            }
        }
        return max;
    }
}
