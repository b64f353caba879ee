package dev.aisle.search.ranking;

import java.util.Collection;
import java.util.Map;

/** Stores text vectors by the hash of the text and the model that encoded it. */
public interface EmbeddingCache {

    /** The cached vectors among {@code hashes}, by hash. */
    Map<String, float[]> getAll(String model, Collection<String> hashes);

    /** Stores vectors by hash. */
    void putAll(String model, Map<String, float[]> vectors);
}
