package dev.aisle.behavior.prediction.model.baseline;

import dev.aisle.common.codec.PrimitiveArrays;
import dev.aisle.behavior.prediction.model.ItemPopularity;
import dev.aisle.behavior.prediction.model.NextItemModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** POP: every session gets the items with the most training clicks, whatever it contains. */
public final class PopularityModel implements NextItemModel {

    private ItemPopularity popularity;

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public void fit(List<int[]> sessions, int numItems) {
        popularity = ItemPopularity.of(sessions, numItems);
    }

    @Override
    public void score(int[] prefix, float[] scores) {
        for (int i = 0; i < scores.length; i++) {
            scores[i] = popularity.count(i);
        }
    }

    @Override
    public int numItems() {
        return popularity.size();
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
    public static PopularityModel read(DataInputStream in) throws IOException {
        PopularityModel model = new PopularityModel();
        model.popularity = ItemPopularity.fromCounts(PrimitiveArrays.readInts(in));
        return model;
    }
}
