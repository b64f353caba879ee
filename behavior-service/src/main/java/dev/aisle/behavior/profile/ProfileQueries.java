package dev.aisle.behavior.profile;

import dev.aisle.behavior.event.RollupFolder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the per-user totals and favourites behind profiles and segments. */
@Repository
class ProfileQueries {

    private static final String TOTALS = "select user_id, count(*), count(*) filter (where purchases > 0),"
            + " coalesce(sum(revenue), 0), sum(events), min(started_at), max(ended_at) from behavior.sessions";

    private final JdbcClient jdbc;

    private final RollupFolder folder;

    ProfileQueries(JdbcClient jdbc, RollupFolder folder) {
        this.jdbc = jdbc;
        this.folder = folder;
    }

    /** The user's session totals; folds the pending events first, so they count. */
    Optional<UserFeatures> user(String userId) {
        folder.foldPending();
        return jdbc.sql(TOTALS + " where user_id = :user group by user_id").param("user", userId)
                .query(ProfileQueries::features).optional();
    }

    /** Every user's session totals (the segment recompute's input); folds the pending events first. */
    List<UserFeatures> allUsers() {
        folder.foldPending();
        return jdbc.sql(TOTALS + " where user_id is not null group by user_id order by user_id")
                .query(ProfileQueries::features).list();
    }

    /** The user's most interacted-with categories (full path) or brands, by event count, ties by name. */
    List<UserProfile.Favourite> favourites(String userId, String column, int limit) {
        String expression = column.equals("brand") ? "p.brand" : "p.category_path";
        return jdbc.sql("select " + expression + ", count(*) from behavior.events e"
                        + " join catalog.products p on p.id = e.product_id"
                        + " where e.user_id = :user and " + expression + " is not null"
                        + " group by 1 order by 2 desc, 1 limit :limit")
                .param("user", userId).param("limit", limit)
                .query((rs, n) -> new UserProfile.Favourite(rs.getString(1), rs.getLong(2))).list();
    }

    private static UserFeatures features(ResultSet rs, int n) throws SQLException {
        return new UserFeatures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
