package dev.aisle.recommend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.recommend.recommendation.RecommendationResponse;
import dev.aisle.recommend.recommendation.RecommendationService;
import dev.aisle.recommend.recommendation.RecommendedItem;
import dev.aisle.support.db.EmbeddedPostgresLauncher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two-tower candidate in the training lifecycle on a real PostgreSQL: trained, validated, served, reloaded. Runs
 * in a database of its own on the shared test server, so the other API test's versions and events do not mix in.
 */
@SpringBootTest(properties = {
        "spring.flyway.locations=classpath:db/migration/recommend,classpath:db/contract",
        "aisle.recommend.training.initial-delay=PT1H",
        "aisle.recommend.training.candidates=two-tower",
        "aisle.recommend.training.two-tower.factors=8",
        "aisle.recommend.training.two-tower.epochs=30",
        "aisle.recommend.training.two-tower.batch-size=64",
        "aisle.recommend.training.two-tower.learning-rate=0.05",
        "aisle.recommend.training.two-tower.regularization=0.001"})
class TwoTowerCandidateIntegrationTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String server = EmbeddedPostgresLauncher.temporary();
        try (Connection c = DriverManager.getConnection(server, "postgres", "");
                Statement s = c.createStatement();
                ResultSet exists = s.executeQuery("select 1 from pg_database where datname = 'two_tower_test'")) {
            if (!exists.next()) {
                s.execute("create database two_tower_test");
            }
        }
        registry.add("spring.datasource.url", () -> server.replaceFirst("/postgres$", "/two_tower_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ModelTrainer trainer;

    @Autowired
    ModelRegistry registry;

    @Autowired
    RecommendationService recommendations;

    @Test
    void trainsServesAndReloadsTheTwoTower() {
        for (int p = 0; p < 8; p++) {
            jdbc.sql("insert into catalog.products (id, title, category_path, in_stock) values (?, ?, ?, true)")
                    .params("s" + p, "Running shoe " + p, "Sports > Running > Shoes").update();
            jdbc.sql("insert into catalog.products (id, title, category_path, in_stock) values (?, ?, ?, true)")
                    .params("k" + p, "Chef knife " + p, "Kitchen > Knives").update();
        }
        int seq = 0;
        for (int u = 0; u < 16; u++) {
            String prefix = u % 2 == 0 ? "s" : "k";
            for (int p = 0; p < 8; p++) {
                if ((u + p) % 3 != 0) {
                    seq++;
                    jdbc.sql("""
                            insert into behavior.events (event_id, type, user_id, product_id, occurred_at)
                            values (?, 'view', ?, ?, now() - make_interval(secs => ?))""")
                            .params("tt" + seq, "u" + u, prefix + p, 1000 - seq).update();
                }
            }
        }

        ModelVersion version = trainer.train();

        assertThat(version.algorithm()).isEqualTo("two-tower");
        assertThat(version.status()).isEqualTo("accepted");
        assertThat(version.params()).containsEntry("factors", 8).containsKey("validation");
        RecommendationResponse served = recommendations.forUser("u0", 3, null, Set.of(), null);
        assertThat(served.algorithm()).isEqualTo("two-tower");
        assertThat(served.items()).extracting(RecommendedItem::itemId)
                .allSatisfy(id -> assertThat(id).startsWith("s"));

        assertThat(registry.loadLatest()).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(version.id()));
        assertThat(recommendations.forUser("u0", 3, null, Set.of(), null)).isEqualTo(served);
    }
}
