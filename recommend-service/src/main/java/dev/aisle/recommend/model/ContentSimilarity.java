package dev.aisle.recommend.model;

import dev.aisle.common.codec.PrimitiveArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content-based scoring for items with few or no interactions: each item's text is a TF-IDF vector (Salton &amp;
 * Buckley, "Term-weighting approaches in automatic text retrieval", 1988), {@code w_t = (1 + ln tf) · ln(N / df)},
 * L2-normalised; items and users (the weighted sum of their items' vectors) are compared by cosine through an
 * inverted index.
 */
public final class ContentSimilarity implements Recommender {

    /** Algorithm name. */
    public static final String NAME = "content";

    private final Interactions data;
    private final int[] docStart;
    private final int[] docTerm;
    private final float[] docWeight;
    private final int[] postStart;
    private final int[] postDoc;
    private final float[] postWeight;

    private ContentSimilarity(Interactions data, int[] docStart, int[] docTerm, float[] docWeight) {
        this.data = data;
        this.docStart = docStart;
        this.docTerm = docTerm;
        this.docWeight = docWeight;
        int terms = 0;
        for (int t : docTerm) {
            terms = Math.max(terms, t + 1);
        }
        postStart = new int[terms + 1];
        for (int t : docTerm) {
            postStart[t + 1]++;
        }
        for (int t = 0; t < terms; t++) {
            postStart[t + 1] += postStart[t];
        }
        postDoc = new int[docTerm.length];
        postWeight = new float[docTerm.length];
        int[] fill = java.util.Arrays.copyOf(postStart, terms);
        for (int d = 0; d < docStart.length - 1; d++) {
            for (int p = docStart[d]; p < docStart[d + 1]; p++) {
                int at = fill[docTerm[p]]++;
                postDoc[at] = d;
                postWeight[at] = docWeight[p];
            }
        }
    }

    /**
     * Builds the vectors.
     *
     * @param tokens normalised tokens of each item's text, indexed like the interactions' items
     * @param data interactions, used to build user profiles
     */
    public static ContentSimilarity fit(List<List<String>> tokens, Interactions data) {
        if (tokens.size() != data.items()) {
            throw new IllegalArgumentException("illegal token lists " + tokens.size() + ", must be " + data.items());
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        Map<Integer, Integer> df = new HashMap<>();
        List<TreeMap<Integer, Integer>> tf = new java.util.ArrayList<>();
        for (List<String> doc : tokens) {
            TreeMap<Integer, Integer> counts = new TreeMap<>();
            for (String token : doc) {
                counts.merge(vocabulary.computeIfAbsent(token, t -> vocabulary.size()), 1, Integer::sum);
            }
            counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            tf.add(counts);
        }
        int n = tokens.size();
        int[] start = new int[n + 1];
        for (int d = 0; d < n; d++) {
            start[d + 1] = start[d] + tf.get(d).size();
        }
        int[] term = new int[start[n]];
        float[] weight = new float[start[n]];
        for (int d = 0; d < n; d++) {
            int p = start[d];
            double norm = 0;
            for (var e : tf.get(d).entrySet()) {
                term[p] = e.getKey();
                weight[p] = (float) ((1 + Math.log(e.getValue())) * Math.log((double) n / df.get(e.getKey())));
                norm += weight[p] * weight[p];
                p++;
            }
            for (int q = start[d]; q < start[d + 1]; q++) {
                weight[q] = norm == 0 ? 0 : (float) (weight[q] / Math.sqrt(norm));
            }
        }
        return new ContentSimilarity(data, start, term, weight);
    }

    private float[] cosine(Map<Integer, Float> query) {
        float[] s = new float[data.items()];
        double norm = 0;
        for (float w : query.values()) {
            norm += w * w;
        }
        if (norm == 0) {
            return s;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (var e : query.entrySet()) {
            int t = e.getKey();
            if (t < postStart.length - 1) {
                for (int p = postStart[t]; p < postStart[t + 1]; p++) {
                    s[postDoc[p]] += e.getValue() * scale * postWeight[p];
                }
            }
        }
        return s;
    }

    @Override
    public float[] score(int user) {
        return scoreInteractions(data.itemsOf(user), data.valuesOf(user));
    }

    @Override
    public float[] scoreInteractions(int[] itemIds, float[] values) {
        Map<Integer, Float> profile = new TreeMap<>();
        for (int n = 0; n < itemIds.length; n++) {
            int d = itemIds[n];
            for (int p = docStart[d]; p < docStart[d + 1]; p++) {
                profile.merge(docTerm[p], values[n] * docWeight[p], Float::sum);
            }
        }
        return cosine(profile);
    }

    @Override
    public float[] similarItems(int item) {
        return scoreInteractions(new int[] {item}, new float[] {1});
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("weighting", "log-tf-idf");
    }

    @Override
    public int users() {
        return data.users();
    }

    @Override
    public int items() {
        return data.items();
    }

    @Override
    public void writePayload(DataOutputStream out) throws IOException {
        data.write(out);
        PrimitiveArrays.writeInts(out, docStart);
        PrimitiveArrays.writeInts(out, docTerm);
        PrimitiveArrays.writeFloats(out, docWeight);
    }

    static ContentSimilarity read(DataInputStream in) throws IOException {
        return new ContentSimilarity(Interactions.read(in), PrimitiveArrays.readInts(in), PrimitiveArrays.readInts(in),
                PrimitiveArrays.readFloats(in));
    }
}
