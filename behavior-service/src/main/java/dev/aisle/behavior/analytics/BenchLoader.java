package dev.aisle.behavior.analytics;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.product.Product;
import dev.aisle.simulator.ShopSimulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk-loads simulator products and events straight into PostgreSQL with {@code COPY} for the analytics benchmark:
 * the secondary event indexes are dropped during the load and rebuilt after it, and {@code behavior.sessions} and
 * the analytics rollups are built by {@code behavior.rebuild_rollups()} (the bulk equivalent of what ingestion
 * maintains batch by batch).
 */
final class BenchLoader {

    private static final String[] INDEXES = {
        "create index events_user_time_idx on behavior.events (user_id, occurred_at)"
                + " include (type, product_id, value)",
        "create index events_session_idx on behavior.events (session_id, occurred_at)",
        "create index events_time_idx on behavior.events (occurred_at)",
        "create index events_type_time_idx on behavior.events (type, occurred_at) include (product_id, user_id)"};

    private static final String CATALOG = """
            create schema if not exists catalog;
            create table if not exists catalog.products (id text primary key, title text not null, description text,
                brand text, category_path text, price numeric(12, 2), currency char(3), attributes jsonb,
                in_stock boolean not null, language text, created_at timestamptz, updated_at timestamptz)""";

    private final JsonMapper json = JsonMapper.builder().build();

    /** Loads the products and at most {@code limit} events; returns the number of events loaded. */
    long load(Connection connection, ShopSimulator simulator, long limit) throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            st.execute(CATALOG);
            st.execute("truncate catalog.products");
            st.execute("truncate behavior.events, behavior.sessions, behavior.user_sessions,"
                    + " behavior.user_segments, behavior.segments, behavior.session_categories, behavior.kpi_daily,"
                    + " behavior.user_daily, behavior.user_activity, behavior.product_daily, behavior.user_paths,"
                    + " behavior.segment_product_daily, behavior.segment_rollup_watermark");
            for (String index : INDEXES) {
                st.execute("drop index if exists behavior." + index.split(" ")[2]);
            }
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (Writer out = writer(pg, "copy catalog.products (id, title, brand, category_path, price, currency,"
                + " in_stock, language) from stdin (format csv)")) {
            for (Product p : simulator.products()) {
                row(out, p.id(), p.title(), p.brand(), String.join(" > ", p.categoryPath()),
                        p.price() == null ? null : p.price().toPlainString(), p.currency(), Boolean.toString(
                                p.inStock()), p.language());
            }
        }
        long n = 0;
        try (Writer out = writer(pg, "copy behavior.events (event_id, type, user_id, session_id, product_id, query,"
                + " result_count, quantity, value, occurred_at, received_at, properties) from stdin (format csv)")) {
            Iterator<BehaviorEvent> events = simulator.eventIterator();
            while (n < limit && events.hasNext()) {
                BehaviorEvent e = events.next();
                row(out, e.eventId(), e.type().wireName(), e.userId(), e.sessionId(), e.productId(), e.query(),
                        str(e.resultCount()), str(e.quantity()), e.value() == null ? null : e.value().toPlainString(),
                        e.timestamp().toString(), e.timestamp().toString(),
                        e.properties().isEmpty() ? null : json.writeValueAsString(e.properties()));
                n++;
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String index : INDEXES) {
                st.execute(index);
            }
            st.execute("vacuum analyze behavior.events");
            st.execute("select behavior.rebuild_rollups()");
            st.execute("insert into behavior.user_segments (user_id, segment_id) select distinct user_id,"
                    + " abs(hashtext(user_id)) % 5 from behavior.sessions where user_id is not null");
            // As a segment recompute does: the per-segment top-list rollup for this map, up to the last event.
            st.execute("select behavior.rebuild_segment_product_daily((select coalesce(max(id), 0)"
                    + " from behavior.events))");
            st.execute("vacuum analyze");
        }
        return n;
    }

    private static Writer writer(PGConnection pg, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 20),
                StandardCharsets.UTF_8), 1 << 20);
    }

    private static String str(Integer value) {
        return value == null ? null : value.toString();
    }

    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields[i];
            if (f != null) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            }
        }
        out.write('\n');
    }
}
