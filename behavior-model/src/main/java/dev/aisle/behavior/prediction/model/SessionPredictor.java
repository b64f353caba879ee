package dev.aisle.behavior.prediction.model;

import dev.aisle.behavior.prediction.model.baseline.PopularityModel;
import dev.aisle.common.feature.IdIndex;
import dev.aisle.common.feature.TopK;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
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
    private final IdIndex index;
    private final int[] tieRank;

    private SessionPredictor(NextItemModel model, PopularityModel fallback, IdIndex index) {
        this.model = model;
        this.fallback = fallback;
        this.index = index;
        int[] counts = new int[index.size()];
        float[] popularity = new float[index.size()];
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
        IdIndex index = new IdIndex();
        List<int[]> encoded = new ArrayList<>(sessions.size());
        for (List<String> session : sessions) {
            int[] s = new int[session.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = index.getOrAdd(session.get(i));
            }
            encoded.add(s);
        }
        if (index.size() == 0) {
            throw new IllegalArgumentException("no items in the training sessions");
        }
        model.fit(encoded, index.size());
        PopularityModel fallback = new PopularityModel();
        fallback.fit(encoded, index.size());
        return new SessionPredictor(model, fallback, index);
    }

    /**
     * Wraps a model already fitted on item indices {@code 0 … ids.size()-1}.
     * @param ids external id of each item index
     * @param sessions the training sessions (over indices), for the popularity fallback
     */
    public static SessionPredictor of(NextItemModel fitted, List<String> ids, List<int[]> sessions) {
        if (fitted.numItems() != ids.size()) {
            throw new IllegalArgumentException("model has " + fitted.numItems() + " items but " + ids.size()
                    + " ids were given");
        }
        PopularityModel fallback = new PopularityModel();
        fallback.fit(sessions, ids.size());
        return new SessionPredictor(fitted, fallback, IdIndex.of(ids));
    }

    /**
     * The {@code n} most likely next items for a session.
     * @param itemIds the session's item ids in order; unknown ids are ignored and reported
     * @param n how many items, at least 1
     */
    public NextItemPrediction predictNext(List<String> itemIds, int n) {
        List<String> unknown = new ArrayList<>();
        int[] known = itemIds.stream().mapToInt(id -> {
            int i = index.indexOf(id);
            if (i < 0) {
                unknown.add(id);
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
        float[] scores = new float[index.size()];
        (itemIndices.length == 0 ? fallback : model).score(itemIndices, scores);
        List<ScoredItem> result = new ArrayList<>(n);
        for (int i : TopK.select(scores, n, null, tieRank)) {
            result.add(new ScoredItem(index.idOf(i), scores[i]));
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
        return index.contains(itemId);
    }

    /** Writes the predictor (ids, fallback, model); {@link #load} restores it. The stream is not closed. */
    public void save(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(FORMAT);
        out.writeInt(index.size());
        for (String id : index.ids()) {
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
        IdIndex index = new IdIndex();
        for (int i = in.readInt(); i > 0; i--) {
            index.getOrAdd(in.readUTF());
        }
        PopularityModel fallback = (PopularityModel) NextItemModels.read(in);
        return new SessionPredictor(NextItemModels.read(in), fallback, index);
    }
}
