package dev.aisle.search.ranking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Vectors kept in memory for the life of the process, by model and text hash. */
public final class MemoryEmbeddingCache implements EmbeddingCache {

    private final Map<String, Map<String, float[]>> byModel = new ConcurrentHashMap<>();

    @Override
    public Map<String, float[]> getAll(String model, Collection<String> hashes) {
        Map<String, float[]> all = byModel.getOrDefault(model, Map.of());
        Map<String, float[]> found = new HashMap<>();
        for (String hash : hashes) {
            float[] vector = all.get(hash);
            if (vector != null) {
                found.put(hash, vector);
            }
        }
        return found;
    }

    @Override
    public void putAll(String model, Map<String, float[]> vectors) {
        byModel.computeIfAbsent(model, m -> new ConcurrentHashMap<>()).putAll(vectors);
    }
}
