package dev.aisle.recommend.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persists model versions in {@code recommend.model_versions} and holds the one being served; the served version and
 * its validation scores are exported as gauges {@code aisle.recommend.model.version},
 * {@code aisle.recommend.model.validation.ndcg} and {@code aisle.recommend.model.validation.hit.rate}.
 */
@Component
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final String COLUMNS = """
            id, algorithm, status, created_at, train_seconds, users, items, interactions, last_event_id,
            validation_ndcg, validation_hr, validation_users, params""";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<ModelBundle> served = new AtomicReference<>();
    private final AtomicReference<ModelVersion> servedVersion = new AtomicReference<>();

    ModelRegistry(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("aisle.recommend.model.version", servedVersion, v -> v.get() == null ? 0 : v.get().id())
                .description("Version of the model being served (0 = none)").register(meters);
        Gauge.builder("aisle.recommend.model.validation.ndcg", servedVersion,
                v -> v.get() == null || v.get().validationNdcg() == null ? Double.NaN : v.get().validationNdcg())
                .description("NDCG@10 of the served model on its held-back validation slice").register(meters);
        Gauge.builder("aisle.recommend.model.validation.hit.rate", servedVersion,
                v -> v.get() == null || v.get().validationHitRate() == null ? Double.NaN
                        : v.get().validationHitRate())
                .description("HR@10 of the served model on its held-back validation slice").register(meters);
    }

    /** The bundle being served, if any. */
    public Optional<ModelBundle> served() {
        return Optional.ofNullable(served.get());
    }

    /** Metadata of the served version, if any. */
    public Optional<ModelVersion> servedVersion() {
        return Optional.ofNullable(servedVersion.get());
    }

    /** Loads the newest accepted version from the database (a restart serves the last good model). */
    public Optional<ModelVersion> loadLatest() {
        Optional<Long> id = jdbc.sql("select id from recommend.model_versions where status = 'accepted' "
                + "and artifact is not null order by id desc limit 1").query(Long.class).optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        byte[] artifact = jdbc.sql("select artifact from recommend.model_versions where id = :id")
                .param("id", id.get()).query(byte[].class).single();
        try {
            ModelBundle bundle = ModelBundle.fromBytes(id.get(), artifact);
            ModelVersion version = find(id.get()).orElseThrow();
            servedVersion.set(version);
            served.set(bundle);
            log.info("Serving model version {} ({}, validation NDCG@10 {})", version.id(), version.algorithm(),
                    version.validationNdcg());
            return Optional.of(version);
        } catch (IOException e) {
            log.warn("Model version {} could not be read: {}", id.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores an accepted bundle and starts serving it. */
    ModelVersion accept(ModelVersion metadata, ModelBundle bundle) {
        byte[] bytes;
        try {
            bytes = bundle.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = insert(metadata, "accepted", bytes);
        ModelVersion stored = find(id).orElseThrow();
        servedVersion.set(stored);
        served.set(bundle.withVersion(id));
        return stored;
    }

    /** Records a rejected version (metadata only). */
    ModelVersion reject(ModelVersion metadata) {
        return find(insert(metadata, "rejected", null)).orElseThrow();
    }

    private long insert(ModelVersion m, String status, byte[] artifact) {
        return jdbc.sql("""
                insert into recommend.model_versions (algorithm, status, train_seconds, users, items, interactions,
                    last_event_id, validation_ndcg, validation_hr, validation_users, params, artifact)
                values (:algorithm, :status, :seconds, :users, :items, :interactions, :lastEventId, :ndcg, :hr,
                    :validationUsers, cast(:params as jsonb), :artifact)
                returning id""")
                .param("algorithm", m.algorithm()).param("status", status).param("seconds", m.trainSeconds())
                .param("users", m.users()).param("items", m.items()).param("interactions", m.interactions())
                .param("lastEventId", m.lastEventId()).param("ndcg", m.validationNdcg())
                .param("hr", m.validationHitRate()).param("validationUsers", m.validationUsers())
                .param("params", json.writeValueAsString(m.params())).param("artifact", artifact)
                .query(Long.class).single();
    }

    /** Newest versions first. */
    public List<ModelVersion> list(int limit) {
        return jdbc.sql("select " + COLUMNS + " from recommend.model_versions order by id desc limit :limit")
                .param("limit", limit).query(this::map).list();
    }

    private Optional<ModelVersion> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from recommend.model_versions where id = :id").param("id", id)
                .query(this::map).optional();
    }

    @SuppressWarnings("unchecked")
    private ModelVersion map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ModelVersion(rs.getLong("id"), rs.getString("algorithm"), rs.getString("status"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getDouble("train_seconds"), rs.getInt("users"), rs.getInt("items"), rs.getInt("interactions"),
                rs.getLong("last_event_id"), (Double) rs.getObject("validation_ndcg"),
                (Double) rs.getObject("validation_hr"), rs.getInt("validation_users"),
                json.readValue(rs.getString("params"), Map.class));
    }
}
