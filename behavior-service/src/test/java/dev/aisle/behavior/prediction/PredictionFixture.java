package dev.aisle.behavior.prediction;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions with a known successor pattern, written straight into {@code behavior.events}: session {@code i} views
 * {@code pz-(i mod 8)}, {@code pz-(i+1 mod 8)}, … four items of a cycle of eight, so the next item of
 * {@code pz-j} is always {@code pz-(j+1 mod 8)}; even sessions then put their last item in the cart and buy it,
 * odd ones leave. The sessions end a day before now, so they are the latest events of the test database.
 */
final class PredictionFixture {

    static final int SESSIONS = 40;
    static final int CYCLE = 8;
    static final int LENGTH = 4;

    private PredictionFixture() {
    }

    static String item(int j) {
        return "pz-" + Math.floorMod(j, CYCLE);
    }

    static String session(int i) {
        return "pz-s" + i;
    }

    static void insert(JdbcClient jdbc) {
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(SESSIONS + 24, ChronoUnit.HOURS);
        for (int i = 0; i < SESSIONS; i++) {
            Instant start = base.plus(i, ChronoUnit.HOURS);
            for (int j = 0; j < LENGTH; j++) {
                insert(jdbc, i, j, "view", item(i + j), null, start.plus(j, ChronoUnit.MINUTES));
            }
            if (i % 2 == 0) {
                insert(jdbc, i, LENGTH, "add_to_cart", item(i + LENGTH - 1), 20.0,
                        start.plus(LENGTH, ChronoUnit.MINUTES));
                insert(jdbc, i, LENGTH + 1, "purchase", item(i + LENGTH - 1), 20.0,
                        start.plus(LENGTH + 2, ChronoUnit.MINUTES));
            }
        }
    }

    private static void insert(JdbcClient jdbc, int session, int step, String type, String product, Double value,
            Instant at) {
        jdbc.sql("insert into behavior.events (event_id, type, user_id, session_id, product_id, quantity, value,"
                        + " occurred_at) values (:id, :type, :user, :session, :product, :quantity, :value, :at)"
                        + " on conflict (event_id) do nothing")
                .param("id", "pz-e" + session + "-" + step)
                .param("type", type)
                .param("user", "pz-u" + session % 5)
                .param("session", session(session))
                .param("product", product)
                .param("quantity", value == null ? null : 1, Types.INTEGER)
                .param("value", value, Types.NUMERIC)
                .param("at", Timestamp.from(at))
                .update();
    }
}
