package dev.aisle.recommend.recommendation;

import dev.aisle.recommend.catalog.CatalogProduct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Popularity counted directly in SQL (distinct users per product in {@code behavior.events}), used before the first
 * model is trained and to top up lists with catalogue items no model has seen; ties (e.g. no events at all) are
 * broken by product id.
 */
@Component
class SqlPopularity {

    private final JdbcClient jdbc;

    SqlPopularity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RecommendedItem> top(int n, Predicate<String> allowed, Map<String, CatalogProduct> products) {
        Map<String, Long> counts = new HashMap<>();
        try {
            jdbc.sql("""
                    select product_id, count(distinct coalesce(user_id, session_id)) from behavior.events
                    where product_id is not null group by product_id""")
                    .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        } catch (DataAccessException e) {
            // behavior.events not created yet: every product counts zero
        }
        List<String> ids = new ArrayList<>();
        for (String id : products.keySet()) {
            if (allowed.test(id)) {
                ids.add(id);
            }
        }
        ids.sort(Comparator.<String>comparingLong(id -> -counts.getOrDefault(id, 0L))
                .thenComparing(Comparator.naturalOrder()));
        List<RecommendedItem> items = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(n, ids.size()))) {
            items.add(new RecommendedItem(id, counts.getOrDefault(id, 0L), "popular"));
        }
        return items;
    }
}
