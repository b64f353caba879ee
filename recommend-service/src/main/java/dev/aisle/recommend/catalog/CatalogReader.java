package dev.aisle.recommend.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@code catalog.products} (read-only contract owned by search-service), cached for a few seconds so stock
 * and category filters are fresh without a query per request.
 */
@Component
public class CatalogReader {

    private static final Logger log = LoggerFactory.getLogger(CatalogReader.class);
    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private volatile Map<String, CatalogProduct> products = Map.of();
    private volatile long loadedAt;

    CatalogReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All products by id, in id order (reloaded when older than five seconds). */
    public Map<String, CatalogProduct> products() {
        if (loadedAt == 0 || System.nanoTime() - loadedAt > MAX_AGE_NANOS) {
            reload();
        }
        return products;
    }

    /** Reloads the cache now. */
    public synchronized void reload() {
        try {
            List<CatalogProduct> rows = jdbc.sql("""
                    select id, title, description, brand, category_path, in_stock from catalog.products order by id""")
                    .query((rs, n) -> new CatalogProduct(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), levels(rs.getString(5)), rs.getBoolean(6)))
                    .list();
            Map<String, CatalogProduct> map = new LinkedHashMap<>(rows.size() * 2);
            rows.forEach(p -> map.put(p.id(), p));
            products = map;
        } catch (DataAccessException e) {
            log.debug("catalog.products not readable yet: {}", e.getMessage());
        }
        loadedAt = System.nanoTime();
    }

    private static List<String> levels(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        return Arrays.stream(path.split(">")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
