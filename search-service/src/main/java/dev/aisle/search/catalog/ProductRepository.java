package dev.aisle.search.catalog;

import dev.aisle.common.product.Product;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JDBC access to {@code catalog.products}; bulk writes are JDBC batches. */
@Repository
public class ProductRepository {

    /** Separator of category levels in {@code category_path}. */
    public static final String PATH_SEPARATOR = " > ";

    private static final String UPSERT = """
            insert into catalog.products (id, title, description, brand, category_path, price, currency, attributes,
                in_stock, language, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, coalesce(?, now()), coalesce(?, now()))
            on conflict (id) do update set title = excluded.title, description = excluded.description,
                brand = excluded.brand, category_path = excluded.category_path, price = excluded.price,
                currency = excluded.currency, attributes = excluded.attributes, in_stock = excluded.in_stock,
                language = excluded.language, created_at = coalesce(catalog.products.created_at, excluded.created_at),
                updated_at = coalesce(?, now())
            """;
    private static final String COLUMNS = "id, title, description, brand, category_path, price, currency, "
            + "attributes::text as attributes, in_stock, language, created_at, updated_at";
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<Product> rowMapper = this::map;

    ProductRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts or replaces products by id; {@code created_at} of an existing row is kept. */
    public void upsertAll(List<Product> products) {
        jdbc.batchUpdate(UPSERT, products, 500, (ps, p) -> {
            ps.setString(1, p.id());
            ps.setString(2, p.title());
            ps.setString(3, p.description());
            ps.setString(4, p.brand());
            ps.setString(5, joinPath(p.categoryPath()));
            ps.setBigDecimal(6, p.price());
            ps.setString(7, p.currency());
            ps.setString(8, p.attributes() == null || p.attributes().isEmpty() ? null
                    : json.writeValueAsString(p.attributes()));
            ps.setBoolean(9, p.inStock());
            ps.setString(10, p.language());
            ps.setTimestamp(11, timestamp(p.createdAt()));
            ps.setTimestamp(12, timestamp(p.updatedAt()));
            ps.setTimestamp(13, timestamp(p.updatedAt()));
        });
    }

    public Optional<Product> findById(String id) {
        return jdbc.query("select " + COLUMNS + " from catalog.products where id = ?", rowMapper, id)
                .stream().findFirst();
    }

    public List<Product> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from catalog.products where id = any(?)", rowMapper,
                (Object) ids.toArray(String[]::new));
    }

    public boolean deleteById(String id) {
        return jdbc.update("delete from catalog.products where id = ?", id) > 0;
    }

    /** One page of products ordered by id, filtered by category subtree, exact brand and stock. */
    public ProductPage findPage(int page, int size, String category, String brand, Boolean inStock) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (category != null && !category.isBlank()) {
            where.append(" and (category_path = ? or category_path like ?)");
            args.add(category.trim());
            args.add(category.trim().replace("%", "\\%").replace("_", "\\_") + PATH_SEPARATOR + "%");
        }
        if (brand != null && !brand.isBlank()) {
            where.append(" and brand = ?");
            args.add(brand.trim());
        }
        if (inStock != null) {
            where.append(" and in_stock = ?");
            args.add(inStock);
        }
        Long total = jdbc.queryForObject("select count(*) from catalog.products" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Product> items = jdbc.query("select " + COLUMNS + " from catalog.products" + where
                + " order by id limit ? offset ?", rowMapper, pageArgs.toArray());
        return new ProductPage(items, page, size, total == null ? 0 : total);
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from catalog.products", Long.class);
        return count == null ? 0 : count;
    }

    /** Streams every product in id order, {@code batchSize} at a time (keyset paging). */
    public void forEachBatch(int batchSize, Consumer<List<Product>> consumer) {
        String after = "";
        while (true) {
            List<Product> batch = jdbc.query("select " + COLUMNS + " from catalog.products where id > ? "
                    + "order by id limit ?", rowMapper, after, batchSize);
            if (batch.isEmpty()) {
                return;
            }
            consumer.accept(batch);
            after = batch.get(batch.size() - 1).id();
        }
    }

    static String joinPath(List<String> path) {
        return path == null || path.isEmpty() ? null : String.join(PATH_SEPARATOR, path);
    }

    static List<String> splitPath(String path) {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        return Arrays.stream(path.split(PATH_SEPARATOR.trim())).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private Product map(ResultSet rs, int row) throws SQLException {
        String attributes = rs.getString("attributes");
        String currency = rs.getString("currency");
        return new Product(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                rs.getString("brand"), splitPath(rs.getString("category_path")), rs.getBigDecimal("price"),
                currency == null ? null : currency.strip(),
                attributes == null ? Map.of() : json.readValue(attributes, ATTRIBUTES),
                rs.getBoolean("in_stock"), rs.getString("language"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
