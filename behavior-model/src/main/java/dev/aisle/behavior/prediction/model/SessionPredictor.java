package dev.aisle.behavior.prediction.model;

import dev.aisle.behavior.prediction.model.baseline.PopularityModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service calls: a fitted next-item model over external string item ids, with the popularity fallback
 * for sessions without a known item. Thread-safe for prediction once fitted or loaded.
 */
public final class SessionPredictor {

    private static final int FORMAT = 1;

    private final NextItemModel model;
    private final PopularityModel fallback;
    private final List<String> ids;
    private final Map<String, Integer> index;
    private final int[] tieRank;

    private SessionPredictor(NextItemModel model, PopularityModel fallback, List<String> ids) {
        this.model = model;
        this.fallback = fallback;
        this.ids = List.copyOf(ids);
        this.index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int[] counts = new int[ids.size()];
        float[] popularity = new float[ids.size()];
        fallback.score(new int[0], popularity);
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (int) popularity[i];
        }
        this.tieRank = ItemPopularity.fromCounts(counts).tieRank();
    }

    /**
     * Fits {@code model} on sessions of string item ids (chronological order, oldest first).
     * @param sessions each session's item ids in click order; sessions shorter than 2 still count for popularity
     */
    public static SessionPredictor fit(List<List<String>> sessions, NextItemModel model) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<int[]> encoded = new ArrayList<>(sessions.size());
        for (List<String> session : sessions) {
            int[] s = new int[session.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = index.computeIfAbsent(session.get(i), id -> {
                    ids.add(id);
                    return ids.size() - 1;
                });
            }
            encoded.add(s);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no items in the training sessions");
        }
        model.fit(encoded, ids.size());
        PopularityModel fallback = new PopularityModel();
        fallback.fit(encoded, ids.size());
        return new SessionPredictor(model, fallback, ids);
    }

    /**
     * The {@code n} most likely next items for a session.
     * @param itemIds the session's item ids in order; unknown ids are ignored and reported
     * @param n how many items, at least 1
     */
    public NextItemPrediction predictNext(List<String> itemIds, int n) {
        List<String> unknown = new ArrayList<>();
        int[] known = itemIds.stream().mapToInt(id -> {
            Integer i = index.get(id);
            if (i == null) {
                unknown.add(id);
                return -1;
            }
            return i;
        }).filter(i -> i >= 0).toArray();
        return new NextItemPrediction(predictNext(known, n), known.length == 0 ? fallback.name() : model.name(),
                unknown);
    }

    /** The {@code n} most likely next items for a session of item indices (empty: popularity). */
    public List<ScoredItem> predictNext(int[] itemIndices, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("illegal n value: " + n + ", must be at least 1");
        }
        float[] scores = new float[ids.size()];
        (itemIndices.length == 0 ? fallback : model).score(itemIndices, scores);
        List<ScoredItem> result = new ArrayList<>(n);
        for (int i : Ranking.top(scores, n, tieRank)) {
            result.add(new ScoredItem(ids.get(i), scores[i]));
        }
        return result;
    }

    /** Name of the model behind non-empty sessions. */
    public String modelName() {
        return model.name();
    }

    /** Hyperparameters and training facts of that model. */
    public Map<String, Object> modelParams() {
        return model.params();
    }

    /** Whether the catalogue of the fitted model contains {@code itemId}. */
    public boolean knows(String itemId) {
        return index.containsKey(itemId);
    }

    /** Writes the predictor (ids, fallback, model); {@link #load} restores it. The stream is not closed. */
    public void save(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(FORMAT);
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
        NextItemModels.write(fallback, out);
        NextItemModels.write(model, out);
        out.flush();
    }

    /** Reads a predictor written by {@link #save}. */
    public static SessionPredictor load(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported session predictor format " + format + ", expected " + FORMAT);
        }
        List<String> ids = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            ids.add(in.readUTF());
        }
        PopularityModel fallback = (PopularityModel) NextItemModels.read(in);
        return new SessionPredictor(NextItemModels.read(in), fallback, ids);
    }
}
