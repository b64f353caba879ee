package dev.aisle.recommend.training;

import dev.aisle.recommend.model.ItemKnn;
import dev.aisle.recommend.model.ModelIo;
import dev.aisle.recommend.model.Popularity;
import dev.aisle.recommend.model.Recommender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything one trained version serves: the id ↔ index maps, the primary personalised model, item-kNN for similar
 * items and reasons, global popularity and the trending ranking, plus the last event id it was trained on.
 */
public final class ModelBundle {

    private static final int BUNDLE_FORMAT = 1;

    private final long version;
    private final String[] userIds;
    private final String[] itemIds;
    private final Recommender primary;
    private final ItemKnn similar;
    private final Popularity popular;
    private final Popularity trending;
    private final long lastEventId;
    private final Map<String, Integer> userIndex;
    private final Map<String, Integer> itemIndex;

    public ModelBundle(long version, String[] userIds, String[] itemIds, Recommender primary, ItemKnn similar,
            Popularity popular, Popularity trending, long lastEventId) {
        this.version = version;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.primary = primary;
        this.similar = similar;
        this.popular = popular;
        this.trending = trending;
        this.lastEventId = lastEventId;
        this.userIndex = index(userIds);
        this.itemIndex = index(itemIds);
    }

    public long version() {
        return version;
    }

    public String itemId(int index) {
        return itemIds[index];
    }

    public int items() {
        return itemIds.length;
    }

    public Recommender primary() {
        return primary;
    }

    public ItemKnn similar() {
        return similar;
    }

    public Popularity popular() {
        return popular;
    }

    public Popularity trending() {
        return trending;
    }

    /** Index of a user id, -1 when unknown to this version. */
    public int userIndex(String userId) {
        return userIndex.getOrDefault(userId, -1);
    }

    /** Index of an item id, -1 when unknown to this version. */
    public int itemIndex(String itemId) {
        return itemIndex.getOrDefault(itemId, -1);
    }

    /** The same bundle under a (database-assigned) version number. */
    public ModelBundle withVersion(long newVersion) {
        return new ModelBundle(newVersion, userIds, itemIds, primary, similar, popular, trending, lastEventId);
    }

    /** Serialises the bundle (the version number is kept by the registry row, not in the bytes). */
    public byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(BUNDLE_FORMAT);
        out.writeLong(lastEventId);
        writeIds(out, userIds);
        writeIds(out, itemIds);
        for (Recommender model : new Recommender[] {primary, similar, popular, trending}) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            ModelIo.save(model, one);
            out.writeInt(one.size());
            one.writeTo(out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads a bundle written by {@link #toBytes()}. */
    public static ModelBundle fromBytes(long version, byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        int format = in.readInt();
        if (format != BUNDLE_FORMAT) {
            throw new IOException("unsupported bundle format " + format + ", must be " + BUNDLE_FORMAT);
        }
        long lastEventId = in.readLong();
        String[] users = readIds(in);
        String[] items = readIds(in);
        Recommender[] models = new Recommender[4];
        for (int m = 0; m < models.length; m++) {
            byte[] one = new byte[in.readInt()];
            in.readFully(one);
            models[m] = ModelIo.load(new ByteArrayInputStream(one));
        }
        return new ModelBundle(version, users, items, models[0], (ItemKnn) models[1], (Popularity) models[2],
                (Popularity) models[3], lastEventId);
    }

    private static void writeIds(DataOutputStream out, String[] ids) throws IOException {
        out.writeInt(ids.length);
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    private static String[] readIds(DataInputStream in) throws IOException {
        String[] ids = new String[in.readInt()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.readUTF();
        }
        return ids;
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> map = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], i);
        }
        return map;
    }
}
