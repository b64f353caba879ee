package dev.aisle.behavior.profile;

import dev.aisle.behavior.profile.model.KMeans;
import dev.aisle.behavior.profile.model.SegmentDescriber;
import dev.aisle.behavior.profile.model.Standardiser;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Segments users with K-Means over standardised profile features and stores the result, replacing the previous
 * segmentation in one transaction. Runs on a schedule and on demand. Segment ids are ordered by the centroid's
 * revenue, highest first, so id 0 is always the most valuable segment.
 */
@Service
public class SegmentService {

    private static final Logger log = LoggerFactory.getLogger(SegmentService.class);

    private final ProfileQueries profiles;

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    private final TransactionTemplate transactions;

    private final SegmentProperties properties;

    private final Clock clock;

    SegmentService(ProfileQueries profiles, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions, SegmentProperties properties, Clock clock) {
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${aisle.behavior.segments.initial-delay:PT2M}",
            fixedDelayString = "${aisle.behavior.segments.recompute-interval:PT1H}")
    void scheduled() {
        Segmentation result = recompute();
        log.info("Recomputed {} segments over {} users", result.segments().size(),
                result.segments().stream().mapToLong(Segment::size).sum());
    }

    /** Recomputes and stores the segments; no users gives an empty segmentation. */
    public synchronized Segmentation recompute() {
        List<UserFeatures> users = profiles.allUsers();
        Instant now = clock.instant();
        List<Segment> segments = new ArrayList<>();
        String[] ids = new String[users.size()];
        Integer[] assigned = new Integer[users.size()];
        if (!users.isEmpty()) {
            double[][] raw = new double[users.size()][];
            for (int i = 0; i < users.size(); i++) {
                raw[i] = users.get(i).vector(now);
                ids[i] = users.get(i).userId();
            }
            Standardiser standardiser = Standardiser.fit(raw);
            int k = Math.min(properties.k(), users.size());
            KMeans.Clustering clustering = new KMeans(k, properties.maxIterations(), properties.seed())
                    .fit(standardiser.transform(raw));
            Integer[] order = new Integer[k];
            for (int c = 0; c < k; c++) {
                order[c] = c;
            }
            double[][] centroids = clustering.centroids();
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -centroids[c][2]));
            int[] rank = new int[k];
            for (int r = 0; r < k; r++) {
                rank[order[r]] = r;
            }
            long[] sizes = new long[k];
            for (int i = 0; i < users.size(); i++) {
                assigned[i] = rank[clustering.assignment()[i]];
                sizes[assigned[i]]++;
            }
            for (int r = 0; r < k; r++) {
                double[] z = centroids[order[r]];
                double[] x = standardiser.inverse(z);
                Centroid centroid = new Centroid(Math.expm1(x[0]), Math.expm1(x[1]), Math.expm1(x[2]), x[3]);
                segments.add(new Segment(r, SegmentDescriber.describe(z, centroid.orders()), sizes[r], centroid));
            }
        }
        Segmentation result = new Segmentation(now, segments);
        long watermark = committedWatermark();
        transactions.executeWithoutResult(status -> store(result, ids, assigned, watermark));
        return result;
    }

    /** The stored segmentation; empty before the first one. */
    public Segmentation current() {
        List<Segment> segments = jdbc.sql("select id, label, size, centroid::text, computed_at from behavior.segments"
                        + " order by id")
                .query((rs, n) -> new Segment(rs.getInt(1), rs.getString(2), rs.getLong(3),
                        Centroid.parse(rs.getString(4))))
                .list();
        Instant computedAt = jdbc.sql("select max(computed_at) from behavior.segments")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(OffsetDateTime::toInstant).orElse(null);
        return new Segmentation(computedAt, segments);
    }

    /** The user's segment, if the user was segmented. */
    public Optional<Membership> membership(String userId) {
        return jdbc.sql("select s.id, s.label from behavior.user_segments u join behavior.segments s"
                        + " on s.id = u.segment_id where u.user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Membership(userId, rs.getInt(1), rs.getString(2))).optional();
    }

    /**
     * The highest event id such that every event with a lower or equal id is committed: a SHARE lock on the events
     * waits for the inserts in flight (ids come from one sequence, so later inserts get higher ids) and is released
     * at once, so ingestion pauses for at most one in-flight batch. The wait is capped by a lock timeout (inserts
     * queue behind a waiting lock, e.g. one stuck behind a manual VACUUM) and retried.
     */
    private long committedWatermark() {
        for (int attempt = 1;; attempt++) {
            try {
                Long watermark = transactions.execute(status -> {
                    jdbcTemplate.execute("set local lock_timeout = '" + LOCK_TIMEOUT_MS + "ms'");
                    jdbcTemplate.execute("lock table behavior.events in share mode");
                    return jdbc.sql("select coalesce(max(id), 0) from behavior.events").query(Long.class).single();
                });
                return watermark == null ? 0 : watermark;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw e;
                }
                log.warn("No watermark lock on behavior.events within {} ms (attempt {}), retrying", LOCK_TIMEOUT_MS,
                        attempt);
            }
        }
    }

    /** Longest wait for the watermark lock; ingestion may queue behind the waiting lock for that long. */
    private static final int LOCK_TIMEOUT_MS = 2_000;

    private static final int LOCK_ATTEMPTS = 3;

    /**
     * Replaces the segments and the user map, and rebuilds the per-segment top-list rollup for the new map in the
     * same transaction (events up to {@code watermark}; later ones are read raw by the queries).
     */
    private void store(Segmentation result, String[] ids, Integer[] assigned, long watermark) {
        jdbc.sql("delete from behavior.user_segments").update();
        jdbc.sql("delete from behavior.segments").update();
        for (Segment s : result.segments()) {
            jdbc.sql("insert into behavior.segments (id, label, size, centroid, computed_at)"
                            + " values (:id, :label, :size, cast(:centroid as jsonb), :at)")
                    .param("id", s.id()).param("label", s.label()).param("size", s.size())
                    .param("centroid", s.centroid().json())
                    .param("at", OffsetDateTime.ofInstant(result.computedAt(), java.time.ZoneOffset.UTC))
                    .update();
        }
        if (ids.length > 0) {
            jdbcTemplate.execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into behavior.user_segments"
                        + " (user_id, segment_id) select * from unnest(?::text[], ?::int[])")) {
                    insert.setArray(1, connection.createArrayOf("text", ids));
                    insert.setArray(2, connection.createArrayOf("int4", assigned));
                    return insert.executeUpdate();
                }
            });
        }
        jdbcTemplate.execute("select behavior.rebuild_segment_product_daily(" + watermark + ")");
    }

    /** All segments at one time. */
    public record Segmentation(Instant computedAt, List<Segment> segments) {
    }

    /** One segment: its id, plain-words label, number of users and centroid. */
    public record Segment(int id, String label, long size, Centroid centroid) {
    }

    /** A user's segment. */
    public record Membership(String userId, int segmentId, String label) {
    }
}
