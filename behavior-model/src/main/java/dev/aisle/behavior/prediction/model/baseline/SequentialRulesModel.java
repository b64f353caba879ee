package dev.aisle.behavior.prediction.model.baseline;

import dev.aisle.common.codec.PrimitiveArrays;
import dev.aisle.behavior.prediction.model.NextItemModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Item-to-item successor counts, the sequential rules of Ludewig &amp; Jannach (2018, "Evaluation of
 * session-based recommendation algorithms"): a rule {@code a → b} collects {@code w = 1 / (j - i)} for every
 * session with {@code a} at position {@code i} and {@code b} at a later position {@code j ≤ i + steps}; a prefix
 * is scored by the rules of its last item, {@code score(b) = Σ w(last → b)}.
 */
public final class SequentialRulesModel implements NextItemModel {

    private final int steps;
    private int[] rowStart;
    private int[] successors;
    private float[] weights;

    /** @param steps how far ahead a successor may be (the paper's default 10), at least 1 */
    public SequentialRulesModel(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("illegal steps value: " + steps + ", must be at least 1");
        }
        this.steps = steps;
    }

    @Override
    public String name() {
        return "item-knn";
    }

    @Override
    public void fit(List<int[]> sessions, int numItems) {
        int[] pairsPerItem = new int[numItems + 1];
        for (int[] s : sessions) {
            for (int i = 0; i < s.length; i++) {
                pairsPerItem[s[i] + 1] += Math.min(steps, s.length - 1 - i);
            }
        }
        int[] start = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            start[i + 1] = start[i] + pairsPerItem[i + 1];
        }
        int[] fill = Arrays.copyOf(start, numItems);
        int[] to = new int[start[numItems]];
        float[] w = new float[start[numItems]];
        for (int[] s : sessions) {
            for (int i = 0; i < s.length; i++) {
                for (int j = i + 1; j < s.length && j - i <= steps; j++) {
                    int at = fill[s[i]]++;
                    to[at] = s[j];
                    w[at] = 1f / (j - i);
                }
            }
        }
        compact(start, to, w, numItems);
    }

    /** Merges duplicate successors per row so each rule is stored once. */
    private void compact(int[] start, int[] to, float[] w, int numItems) {
        float[] acc = new float[numItems];
        int[] touched = new int[numItems];
        rowStart = new int[numItems + 1];
        int[] outTo = new int[to.length];
        float[] outW = new float[to.length];
        int out = 0;
        for (int a = 0; a < numItems; a++) {
            rowStart[a] = out;
            int n = 0;
            for (int p = start[a]; p < start[a + 1]; p++) {
                if (acc[to[p]] == 0f) {
                    touched[n++] = to[p];
                }
                acc[to[p]] += w[p];
            }
            Arrays.sort(touched, 0, n);
            for (int t = 0; t < n; t++) {
                outTo[out] = touched[t];
                outW[out++] = acc[touched[t]];
                acc[touched[t]] = 0f;
            }
        }
        rowStart[numItems] = out;
        successors = Arrays.copyOf(outTo, out);
        weights = Arrays.copyOf(outW, out);
    }

    @Override
    public void score(int[] prefix, float[] scores) {
        Arrays.fill(scores, 0f);
        int last = prefix[prefix.length - 1];
        for (int p = rowStart[last]; p < rowStart[last + 1]; p++) {
            scores[successors[p]] = weights[p];
        }
    }

    /** Weight of the rule {@code from → to} (0 when absent). */
    public float ruleWeight(int from, int to) {
        int p = Arrays.binarySearch(successors, rowStart[from], rowStart[from + 1], to);
        return p >= 0 ? weights[p] : 0f;
    }

    @Override
    public int numItems() {
        return rowStart.length - 1;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("steps", steps, "weighting", "1/distance");
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(steps);
        PrimitiveArrays.writeInts(out, rowStart);
        PrimitiveArrays.writeInts(out, successors);
        PrimitiveArrays.writeFloats(out, weights);
    }

    /** Restores a model written by {@link #write}. */
    public static SequentialRulesModel read(DataInputStream in) throws IOException {
        SequentialRulesModel model = new SequentialRulesModel(in.readInt());
        model.rowStart = PrimitiveArrays.readInts(in);
        model.successors = PrimitiveArrays.readInts(in);
        model.weights = PrimitiveArrays.readFloats(in);
        return model;
    }
}
