package dev.aisle.search.ranking;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An append-only file of (hash, vector) records per model, loaded into memory on first use; what the offline
 * evaluation uses under {@code ~/.aisle/cache} so reruns encode nothing twice.
 */
public final class FileEmbeddingCache implements EmbeddingCache {

    private final Path dir;
    private final Map<String, Map<String, float[]>> byModel = new ConcurrentHashMap<>();

    public FileEmbeddingCache(Path dir) {
        this.dir = dir;
    }

    @Override
    public Map<String, float[]> getAll(String model, Collection<String> hashes) {
        Map<String, float[]> all = load(model);
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
    public synchronized void putAll(String model, Map<String, float[]> vectors) {
        Map<String, float[]> all = load(model);
        try {
            Files.createDirectories(dir);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                    file(model), StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().length);
                    for (float v : entry.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.putAll(vectors);
    }

    private Map<String, float[]> load(String model) {
        return byModel.computeIfAbsent(model, m -> {
            Map<String, float[]> all = new ConcurrentHashMap<>();
            Path file = file(m);
            if (!Files.exists(file)) {
                return all;
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String hash;
                    try {
                        hash = in.readUTF();
                    } catch (EOFException end) {
                        break;
                    }
                    float[] vector = new float[in.readInt()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = in.readFloat();
                    }
                    all.put(hash, vector);
                }
            } catch (EOFException truncated) {
                return all;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all;
        });
    }

    private Path file(String model) {
        return dir.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_") + ".vectors");
    }
}
