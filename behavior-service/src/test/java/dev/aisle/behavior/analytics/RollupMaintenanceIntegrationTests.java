package dev.aisle.behavior.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aisle.behavior.BehaviorIntegrationTest;
import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.product.Product;
import dev.aisle.simulator.ShopSimulator;
import dev.aisle.simulator.SimulationParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What ingestion maintains batch by batch (sessions, their paths and every rollup) equals what
 * {@code behavior.rebuild_rollups()} computes from the stored events in one pass, after simulator events arrive
 * shuffled, partly re-sent, partly without session ids, and with sessions that cross midnight backwards.
 */
class RollupMaintenanceIntegrationTests extends BehaviorIntegrationTest {

    /** Each maintained table as text rows in key order, without the prev_* bookkeeping and all-zero rows. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("sessions", "select session_id, user_id, started_at, ended_at, events, page_views, purchases,"
                + " trim_scale(revenue), steps, times from behavior.sessions order by 1");
        TABLES.put("session_categories", "select session_id, category, user_id, started_at, ended_at, events,"
                + " page_views, purchases, trim_scale(revenue), steps, times from behavior.session_categories"
                + " order by 1, 2");
        TABLES.put("kpi_daily", "select category, day, sessions, users, page_views, trim_scale(duration), bounces,"
                + " orders, trim_scale(revenue) from behavior.kpi_daily where (sessions, users, page_views, duration,"
                + " bounces, orders, revenue) <> (0, 0, 0, 0, 0, 0, 0) order by 1, 2");
        TABLES.put("user_daily", "select day, user_id, sessions, page_views, trim_scale(duration), bounces, orders,"
                + " trim_scale(revenue) from behavior.user_daily where (sessions, page_views, duration, bounces,"
                + " orders, revenue) <> (0, 0, 0, 0, 0, 0) order by 1, 2");
        TABLES.put("user_activity", "select user_id, days from behavior.user_activity where cardinality(days) > 0"
                + " order by 1");
        TABLES.put("product_daily", "select day, product_id, views, carts, purchases, trim_scale(revenue)"
                + " from behavior.product_daily order by 1, 2");
        TABLES.put("user_paths", "select user_id, steps, times from behavior.user_paths order by 1");
        TABLES.put("query_daily", "select day, query, searches, zero_results from behavior.query_daily order by 1, 2");
        TABLES.put("session_bounds", "select longest from behavior.session_bounds");
    }

    private Map<String, List<String>> snapshot() {
        folder.foldPending();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, sql) -> tables.put(table, jdbc.sql(sql).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.append(rs.getString(c)).append('|');
            }
            return row.toString();
        }).list()));
        return tables;
    }

    private void send(List<String> events) {
        Answer answer = post("/api/v1/events", "application/x-ndjson", String.join("\n", events) + "\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("rejected").asInt()).isZero();
    }

    private static String event(String id, String type, String user, String session, String product, String at) {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"userId\":\"%s\",\"sessionId\":\"%s\",\"productId\":\"%s\","
                .formatted(id, type, user, session, product)
                + "\"quantity\":1,\"value\":25.00,\"timestamp\":\"%s\"}".formatted(at);
    }

    @Test
    void incrementalRollupsEqualABulkRebuildFromTheEvents() {
        jdbc.sql("select behavior.rebuild_rollups()").query((java.sql.ResultSet rs) -> { });
        ShopSimulator simulator = new ShopSimulator(SimulationParameters.defaults().withProducts(200).withUsers(40)
                .withDays(6).withSeed(11).withStart(Instant.parse("2024-03-01T00:00:00Z")));
        for (Product p : simulator.products()) {
            jdbc.sql("insert into catalog.products (id, title, brand, category_path, price, in_stock)"
                            + " values (:id, :title, :brand, :path, :price, :stock) on conflict (id) do nothing")
                    .param("id", p.id()).param("title", p.title()).param("brand", p.brand())
                    .param("path", String.join(" > ", p.categoryPath())).param("price", p.price())
                    .param("stock", p.inStock()).update();
        }
        List<String> lines = new ArrayList<>();
        for (BehaviorEvent e : simulator.events().toList()) {
            BehaviorEvent renamed = new BehaviorEvent("rm-" + e.eventId(), e.type(), "rm-" + e.userId(),
                    e.userId() != null && Math.floorMod(e.userId().hashCode(), 4) == 0 ? null : "rm-" + e.sessionId(),
                    e.productId(), e.query(), e.resultCount(), e.quantity(), e.value(), e.timestamp(), e.properties());
            lines.add(JSON.writeValueAsString(renamed));
        }
        Collections.shuffle(lines, new Random(3));
        for (int i = 0; i < lines.size(); i += 400) {
            send(lines.subList(i, Math.min(lines.size(), i + 400)));
            if (i % 1200 == 0) {
                send(lines.subList(i, Math.min(lines.size(), i + 400)));
            }
        }
        // A session crossing midnight whose first events arrive last: its start moves back to 29 February.
        send(List.of(event("rm-mid-3", "purchase", "rm-mid", "rm-mid-s", "p-1", "2024-03-01T00:10:00Z")));
        send(List.of(event("rm-mid-2", "add_to_cart", "rm-mid", "rm-mid-s", "p-1", "2024-03-01T00:05:00Z"),
                event("rm-mid-1", "view", "rm-mid", "rm-mid-s", "p-1", "2024-02-29T23:50:00Z")));

        Map<String, List<String>> incremental = snapshot();
        jdbc.sql("select behavior.rebuild_rollups()").query((java.sql.ResultSet rs) -> { });
        Map<String, List<String>> rebuilt = snapshot();

        assertThat(incremental.get("sessions")).hasSizeGreaterThan(100);
        assertThat(incremental.get("session_categories")).hasSizeGreaterThan(100);
        incremental.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(rebuilt.get(table)));
        JsonNode leap = get("/api/v1/analytics/kpis?from=2024-02-29&to=2024-02-29").body().get("total");
        assertThat(leap.get("sessions").asLong()).isEqualTo(1);
        assertThat(leap.get("avgSessionDurationSeconds").asDouble()).isEqualTo(1200.0);
        assertThat(leap.get("bounceRate").asDouble()).isZero();
        assertThat(leap.get("orders").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/analytics/funnel?from=2024-02-29&to=2024-02-29&steps=view,add_to_cart,purchase")
                .body().get("steps").get(2).get("count").asLong()).isEqualTo(1);
    }
}
