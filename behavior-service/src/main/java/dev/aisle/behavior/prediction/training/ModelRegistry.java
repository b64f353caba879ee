package dev.aisle.behavior.prediction.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The model versions in {@code behavior.prediction_models}, at most one serving per kind. */
@Repository
public class ModelRegistry {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, kind, model_name, version, created_at, validation_metrics::text,"
            + " validation_score, octet_length(artifact), serving";

    /** A serving version with its artifact. */
    public record StoredModel(ModelVersion version, byte[] artifact) {
    }

    private final JdbcClient jdbc;

    public ModelRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Validation score of the serving version of {@code kind}, empty when none serves. */
    public Optional<Double> servingScore(ModelKind kind) {
        return jdbc.sql("select validation_score from behavior.prediction_models where kind = :kind and serving")
                .param("kind", kind.column())
                .query(Double.class)
                .optional();
    }

    /** Stores a new version of {@code kind}; when {@code serving}, it replaces the serving version. */
    @Transactional
    public ModelVersion save(ModelKind kind, String model, Map<String, Object> validation, double score,
            byte[] artifact, boolean serving) {
        if (serving) {
            jdbc.sql("update behavior.prediction_models set serving = false where kind = :kind and serving")
                    .param("kind", kind.column()).update();
        }
        long id = jdbc.sql("insert into behavior.prediction_models (kind, model_name, version, validation_metrics,"
                        + " validation_score, artifact, serving) select :kind, :model, coalesce(max(version), 0) + 1,"
                        + " cast(:metrics as jsonb), :score, :artifact, :serving from behavior.prediction_models"
                        + " where kind = :kind returning id")
                .param("kind", kind.column())
                .param("model", model)
                .param("metrics", JSON.writeValueAsString(validation))
                .param("score", score)
                .param("artifact", artifact)
                .param("serving", serving)
                .query(Long.class)
                .single();
        return jdbc.sql("select " + COLUMNS + " from behavior.prediction_models where id = :id").param("id", id)
                .query((rs, n) -> version(rs)).single();
    }

    /** The serving version of {@code kind} with its artifact, empty when none serves. */
    public Optional<StoredModel> serving(ModelKind kind) {
        return jdbc.sql("select " + COLUMNS + ", artifact from behavior.prediction_models"
                        + " where kind = :kind and serving")
                .param("kind", kind.column())
                .query((rs, n) -> new StoredModel(version(rs), rs.getBytes(10)))
                .optional();
    }

    /** Every version, newest first. */
    public List<ModelVersion> versions() {
        return jdbc.sql("select " + COLUMNS + " from behavior.prediction_models order by created_at desc, id desc")
                .query((rs, n) -> version(rs))
                .list();
    }

    private static ModelVersion version(ResultSet rs) throws SQLException {
        Map<String, Object> metrics = JSON.readValue(rs.getString(6), new TypeReference<Map<String, Object>>() {
        });
        return new ModelVersion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant(), metrics, rs.getDouble(7), rs.getLong(8), rs.getBoolean(9));
    }
}
