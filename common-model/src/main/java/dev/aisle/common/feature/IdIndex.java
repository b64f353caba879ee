package dev.aisle.common.feature;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dense mapping between external string ids and ints {@code 0 … size()-1}, in order of first addition.
 *
 * <p>Not synchronised: build it in one thread ({@link #getOrAdd}); once built and safely published (a final field,
 * a volatile swap), any number of threads may read it concurrently.
 */
public final class IdIndex {

    private final Map<String, Integer> indexes;
    private final List<String> ids;

    /** An empty index. */
    public IdIndex() {
        this(16);
    }

    /** An empty index sized for about {@code expectedSize} ids. */
    public IdIndex(int expectedSize) {
        this.indexes = new HashMap<>(Math.max(16, (int) (expectedSize / 0.75f) + 1));
        this.ids = new ArrayList<>(Math.max(16, expectedSize));
    }

    /** An index of the distinct ids in iteration order. */
    public static IdIndex of(Collection<String> ids) {
        IdIndex index = new IdIndex(ids.size());
        for (String id : ids) {
            index.getOrAdd(id);
        }
        return index;
    }

    /** The index of {@code id}, adding it at the end when new. */
    public int getOrAdd(String id) {
        Objects.requireNonNull(id, "id");
        Integer existing = indexes.get(id);
        if (existing != null) {
            return existing;
        }
        int next = ids.size();
        indexes.put(id, next);
        ids.add(id);
        return next;
    }

    /** The index of {@code id}, or -1 when absent. */
    public int indexOf(String id) {
        Integer index = id == null ? null : indexes.get(id);
        return index == null ? -1 : index;
    }

    /** Whether {@code id} has an index. */
    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    /**
     * The id at {@code index}.
     *
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
     */
    public String idOf(int index) {
        return ids.get(index);
    }

    /** How many ids there are. */
    public int size() {
        return ids.size();
    }

    /** The ids in index order (an unmodifiable view). */
    public List<String> ids() {
        return Collections.unmodifiableList(ids);
    }
}
