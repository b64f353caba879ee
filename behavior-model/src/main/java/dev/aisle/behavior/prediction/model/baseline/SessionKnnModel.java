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
 * V-SKNN, session kNN with position decay (Jannach &amp; Ludewig, RecSys 2017; Ludewig &amp; Jannach, UMUAI 2018).
 * The candidates are the {@code sampleSize} most recent training sessions sharing an item with the current session
 * {@code s} of length {@code L}; item {@code s_p} (1-based {@code p}, the last occurrence counts) weighs
 * {@code w(s_p) = p / L}; {@code sim(s, c) = Σ_{i ∈ s ∩ c} w(i) / |set(s)|}. The {@code k} most similar candidates
 * vote: {@code score(i) = Σ_{c ∈ N_k(s), i ∈ c} sim(s, c) / d(c)}, where {@code d(c)} is the 1-based distance from
 * the end of {@code s} to its most recent item that {@code c} contains.
 */
public final class SessionKnnModel implements NextItemModel {

    private final int k;
    private final int sampleSize;
    private int numItems;
    private int[] sessionStart;
    private int[] sessionItems;
    private int[] postingStart;
    private int[] postings;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(numItems));

    /**
     * @param k neighbours that vote (the paper's 100), at least 1
     * @param sampleSize most recent candidate sessions considered (the paper's 1,000), at least {@code k}
     */
    public SessionKnnModel(int k, int sampleSize) {
        if (k < 1) {
            throw new IllegalArgumentException("illegal k value: " + k + ", must be at least 1");
        }
        if (sampleSize < k) {
            throw new IllegalArgumentException("illegal sampleSize value: " + sampleSize + ", must be at least k=" + k);
        }
        this.k = k;
        this.sampleSize = sampleSize;
    }

    @Override
    public String name() {
        return "sknn";
    }

    @Override
    public void fit(List<int[]> sessions, int numItems) {
        this.numItems = numItems;
        sessionStart = new int[sessions.size() + 1];
        int[] items = new int[sessions.stream().mapToInt(s -> s.length).sum()];
        int[] perItem = new int[numItems + 1];
        int n = 0;
        for (int s = 0; s < sessions.size(); s++) {
            sessionStart[s] = n;
            int[] distinct = Arrays.stream(sessions.get(s)).distinct().sorted().toArray();
            for (int item : distinct) {
                items[n++] = item;
                perItem[item + 1]++;
            }
        }
        sessionStart[sessions.size()] = n;
        sessionItems = Arrays.copyOf(items, n);
        postingStart = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            postingStart[i + 1] = postingStart[i] + perItem[i + 1];
        }
        postings = new int[n];
        int[] fill = Arrays.copyOf(postingStart, numItems);
        for (int s = 0; s < sessions.size(); s++) {
            for (int p = sessionStart[s]; p < sessionStart[s + 1]; p++) {
                postings[fill[sessionItems[p]]++] = s;
            }
        }
    }

    @Override
    public void score(int[] prefix, float[] scores) {
        Arrays.fill(scores, 0f);
        Scratch w = scratch.get();
        if (w.seen.length != sessionStart.length || w.weight.length != numItems) {
            // fitted again since this thread last scored
            w = new Scratch(numItems);
            scratch.set(w);
        }
        if (w.distinct.length < prefix.length) {
            w.distinct = new int[prefix.length];
        }
        int distinct = 0;
        for (int p = 0; p < prefix.length; p++) {
            if (w.weight[prefix[p]] == 0f) {
                w.distinct[distinct++] = prefix[p];
            }
            w.weight[prefix[p]] = (p + 1) / (float) prefix.length;
        }
        int[] candidates = recentCandidates(w, distinct);
        int[] neighbours = nearest(candidates, w, distinct);
        for (int c : neighbours) {
            float sim = w.similarity[c];
            for (int p = sessionStart[c]; p < sessionStart[c + 1]; p++) {
                w.inNeighbour[sessionItems[p]] = true;
            }
            int step = 1;
            for (int p = prefix.length - 1; p >= 0 && !w.inNeighbour[prefix[p]]; p--) {
                step++;
            }
            for (int p = sessionStart[c]; p < sessionStart[c + 1]; p++) {
                scores[sessionItems[p]] += sim / step;
                w.inNeighbour[sessionItems[p]] = false;
            }
        }
        for (int d = 0; d < distinct; d++) {
            w.weight[w.distinct[d]] = 0f;
        }
    }

    /** The {@code sampleSize} most recent sessions containing any item of the prefix, most recent first. */
    private int[] recentCandidates(Scratch w, int distinct) {
        int n = 0;
        w.stamp++;
        for (int d = 0; d < distinct; d++) {
            int item = w.distinct[d];
            int from = Math.max(postingStart[item], postingStart[item + 1] - sampleSize);
            for (int p = postingStart[item + 1] - 1; p >= from; p--) {
                int s = postings[p];
                if (w.seen[s] != w.stamp) {
                    w.seen[s] = w.stamp;
                    w.candidates = n < w.candidates.length ? w.candidates : Arrays.copyOf(w.candidates, 2 * n);
                    w.candidates[n++] = s;
                }
            }
        }
        Arrays.sort(w.candidates, 0, n);
        int take = Math.min(sampleSize, n);
        int[] recent = new int[take];
        for (int i = 0; i < take; i++) {
            recent[i] = w.candidates[n - 1 - i];
        }
        return recent;
    }

    /** The {@code k} candidates with the highest similarity (ties: the more recent), similarities in scratch. */
    private int[] nearest(int[] candidates, Scratch w, int distinct) {
        long[] keyed = new long[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            int c = candidates[i];
            float sum = 0f;
            for (int p = sessionStart[c]; p < sessionStart[c + 1]; p++) {
                sum += w.weight[sessionItems[p]];
            }
            w.similarity[c] = sum / distinct;
            // non-negative floats order like their bits; the low word keeps the more recent session first
            keyed[i] = ((long) Float.floatToIntBits(w.similarity[c]) << 32) | (0xFFFFFFFFL & c);
        }
        Arrays.sort(keyed);
        int take = Math.min(k, keyed.length);
        int[] result = new int[take];
        for (int i = 0; i < take; i++) {
            result[i] = (int) keyed[keyed.length - 1 - i];
        }
        return result;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("k", k, "sample_size", sampleSize, "sampling", "recent", "position_weight", "linear p/L",
                "score_decay", "1/d");
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(k);
        out.writeInt(sampleSize);
        out.writeInt(numItems);
        PrimitiveArrays.writeInts(out, sessionStart);
        PrimitiveArrays.writeInts(out, sessionItems);
    }

    /** Restores a model written by {@link #write}; the postings are rebuilt. */
    public static SessionKnnModel read(DataInputStream in) throws IOException {
        SessionKnnModel model = new SessionKnnModel(in.readInt(), in.readInt());
        int items = in.readInt();
        int[] start = PrimitiveArrays.readInts(in);
        int[] flat = PrimitiveArrays.readInts(in);
        List<int[]> sessions = new java.util.ArrayList<>(start.length - 1);
        for (int s = 0; s + 1 < start.length; s++) {
            sessions.add(Arrays.copyOfRange(flat, start[s], start[s + 1]));
        }
        model.fit(sessions, items);
        return model;
    }

    /** Per-thread working memory, so scoring allocates little and may run concurrently. */
    private final class Scratch {
        final float[] weight;
        int[] distinct = new int[64];
        final boolean[] inNeighbour;
        final int[] seen = new int[sessionStart.length];
        final float[] similarity = new float[sessionStart.length];
        int[] candidates = new int[4096];
        int stamp;

        Scratch(int numItems) {
            weight = new float[numItems];
            inNeighbour = new boolean[numItems];
        }
    }
}
