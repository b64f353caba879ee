package dev.aisle.behavior.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds {@code behavior.rollup_pending} (the events stored but not yet counted) into {@code behavior.sessions} and
 * the analytics rollups with {@link EventStore#foldStatement}, in batches of the oldest pending ids. Each batch runs
 * in its own transaction that first takes {@code pg_advisory_xact_lock(74210007)}, so folds (from the schedule and
 * from readers, in any number of instances) are serialised; {@code rebuild_rollups()} takes the same lock. A
 * batch's deltas are exact whatever its composition: the fragments handle out-of-order events and sessions that
 * span batches. Runs on a fixed delay and before every analytics and profile read ({@link #foldPending}), so
 * answers equal the computation over the raw events.
 */
@Component
public class RollupFolder {

    /** The advisory lock key shared with {@code behavior.rebuild_rollups()} (V7). */
    static final long LOCK = 74_210_007L;

    /**
     * Settings of the fold transaction only. A 50,000-event batch sorts ~150,000 (session, category) rows, which
     * spill to disk under the default 4 MB {@code work_mem}. The planner estimates the batch from the statistics of
     * {@code rollup_pending}, a queue that is often empty when analysed: with a tiny estimate it joins the CTEs
     * (a batch's sessions or categories before and after their upsert) by nested loops, quadratic in the batch,
     * and otherwise it sorts both sides on text keys for merge joins; every join here is between batch-sized sets,
     * where hash joins are linear. Measured in docs/BENCHMARKS.md (issue #5).
     */
    static final String FOLD_SETTINGS = "set local work_mem = '64MB'; set local enable_mergejoin = off;"
            + " set local enable_nestloop = off";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final int batch;

    /** Whether {@code catalog.products} exists (search-service migrates it); checked until it does. */
    private volatile boolean catalogReady;

    public RollupFolder(JdbcTemplate jdbc, PlatformTransactionManager transactions, RollupProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batch = properties.foldBatch();
    }

    @Scheduled(initialDelayString = "${aisle.behavior.rollups.fold-delay:PT0.5S}",
            fixedDelayString = "${aisle.behavior.rollups.fold-delay:PT0.5S}")
    void scheduled() {
        foldPending();
    }

    /**
     * Folds pending events until none remain; returns how many this call folded. Without committed pending rows it
     * returns at once (a batch being folded stays visible until its fold commits, so the check never skips rows).
     */
    public long foldPending() {
        Boolean any = jdbc.queryForObject("select exists (select 1 from behavior.rollup_pending)", Boolean.class);
        if (!Boolean.TRUE.equals(any)) {
            return 0;
        }
        long total = 0;
        while (true) {
            Integer folded = transactions.execute(status -> jdbc.execute(
                    (ConnectionCallback<Integer>) this::foldBatch));
            if (folded == null || folded == 0) {
                return total;
            }
            total += folded;
        }
    }

    private int foldBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.execute();
        }
        try (Statement settings = connection.createStatement()) {
            settings.execute(FOLD_SETTINGS);
        }
        if (!catalogReady) {
            try (PreparedStatement check = connection.prepareStatement(
                    "select to_regclass('catalog.products') is not null");
                    ResultSet rs = check.executeQuery()) {
                catalogReady = rs.next() && rs.getBoolean(1);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(EventStore.foldStatement(catalogReady))) {
            statement.setInt(1, batch);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
