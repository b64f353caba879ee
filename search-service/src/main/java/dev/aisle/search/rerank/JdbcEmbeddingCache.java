package dev.aisle.search.rerank;

import dev.aisle.search.ranking.EmbeddingCache;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Embeddings cached in {@code catalog.product_embeddings}, keyed by text hash and model. */
public class JdbcEmbeddingCache implements EmbeddingCache {

    private final JdbcTemplate jdbc;

    public JdbcEmbeddingCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, float[]> getAll(String model, Collection<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        jdbc.query("select text_hash, vector from catalog.product_embeddings where model = ? and text_hash = any(?)",
                rs -> {
                    found.put(rs.getString(1), decode(rs.getBytes(2)));
                }, model, hashes.toArray(String[]::new));
        return found;
    }

    @Override
    public void putAll(String model, Map<String, float[]> vectors) {
        List<Map.Entry<String, float[]>> entries = List.copyOf(vectors.entrySet());
        jdbc.batchUpdate("insert into catalog.product_embeddings (text_hash, model, vector) values (?, ?, ?) "
                + "on conflict do nothing", entries, 500, (ps, e) -> {
                    ps.setString(1, e.getKey());
                    ps.setString(2, model);
                    ps.setBytes(3, encode(e.getValue()));
                });
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }
}
