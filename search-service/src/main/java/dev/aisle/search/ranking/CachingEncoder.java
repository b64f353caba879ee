package dev.aisle.search.ranking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An encoder that looks vectors up by text hash first and encodes only the texts it has not seen. */
public final class CachingEncoder implements TextEncoder {

    private final TextEncoder delegate;
    private final EmbeddingCache cache;
    private volatile long encoded;

    public CachingEncoder(TextEncoder delegate, EmbeddingCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /** SHA-256 of the text, hex encoded: the cache key. */
    public static String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public float[][] encode(List<String> texts) {
        List<String> hashes = texts.stream().map(CachingEncoder::hash).toList();
        Map<String, float[]> known = new LinkedHashMap<>(cache.getAll(delegate.modelName(), hashes));
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(hashes.get(i))) {
                missing.putIfAbsent(hashes.get(i), texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            float[][] vectors = delegate.encode(new ArrayList<>(missing.values()));
            Map<String, float[]> fresh = new LinkedHashMap<>();
            int i = 0;
            for (String key : missing.keySet()) {
                fresh.put(key, vectors[i++]);
            }
            cache.putAll(delegate.modelName(), fresh);
            known.putAll(fresh);
            encoded += fresh.size();
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = known.get(hashes.get(i));
        }
        return out;
    }

    /** How many texts this encoder had to encode (cache misses) so far. */
    public long encodedCount() {
        return encoded;
    }

    /** The wrapped encoder, for query-time calls that should bypass the cache. */
    public TextEncoder delegate() {
        return delegate;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
