package dev.aisle.behavior.prediction.model.baseline;

import dev.aisle.common.codec.PrimitiveArrays;
import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * S-POP (Hidasi et al., ICLR 2016, baseline): the items of the current session ranked by how often they occur in
 * it, ties and all other items by global popularity: {@code score(i) = n_s(i) + pop(i) / (max pop + 1)}.
 */
public final class SessionPopularityModel implements NextItemModel {

    private ItemPopularity popularity;
    private float[] base;

    @Override
    public String name() {
        return "spop";
    }

    @Override
    public void fit(List<int[]> sessions, int numItems) {
        init(ItemPopularity.of(sessions, numItems));
    }

    private void init(ItemPopularity pop) {
        popularity = pop;
        int max = 0;
        for (int i = 0; i < pop.size(); i++) {
            max = Math.max(max, pop.count(i));
        }
        base = new float[pop.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = pop.count(i) / (float) (max + 1);
        }
    }

    @Override
    public void score(int[] prefix, float[] scores) {
        System.arraycopy(base, 0, scores, 0, base.length);
        for (int item : prefix) {
            scores[item] += 1f;
        }
    }

    @Override
    public int numItems() {
        return base.length;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of();
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        PrimitiveArrays.writeInts(out, popularity.counts());
    }

    /** Restores a model written by {@link #write}. */
    public static SessionPopularityModel read(DataInputStream in) throws IOException {
        SessionPopularityModel model = new SessionPopularityModel();
        model.init(ItemPopularity.fromCounts(PrimitiveArrays.readInts(in)));
        return model;
    }
}
