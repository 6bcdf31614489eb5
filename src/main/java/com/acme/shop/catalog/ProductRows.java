package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductCreate;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Set-based SQL for catalog writes. Many rows go in one statement: {@code unnest} of arrays, or a COPY stream
 * ({@link CopyStream}) for bulk create, so a bulk of 10,000 products is one round trip, not
 * 10,000. Runs on the caller's transaction (the datasource is enlisted, so every call of one transaction gets the
 * same connection and sees its temporary tables).
 */
@ApplicationScoped
class ProductRows {

    private static final String COLUMNS = "id, sku, slug, name, description, price_cents, stock, active, image_url";
    private static final String UNNEST = "unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], "
            + "?::int[], ?::boolean[], ?::text[]) AS u(" + COLUMNS + ")";

    private final AgroalDataSource dataSource;

    ProductRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One product's values as written; a null field in an update leaves the column as it is. */
    record Row(UUID id, String sku, String slug, String name, String description, Long priceCents, Integer stock,
            Boolean active, String imageUrl) {

        static Row of(UUID id, ProductCreate c, String slug) {
            return new Row(id, c.sku(), slug, c.name().trim(), emptyToNull(c.description()), c.priceCents(), c.stock(),
                    c.active() == null ? Boolean.TRUE : c.active(), emptyToNull(c.imageUrl()));
        }
    }

    /** What the database holds for a product a bulk call touches. */
    record Current(UUID id, String sku, String slug, long version) {
    }

    boolean insertIfFree(UUID id, ProductCreate request, String slug) {
        return update("INSERT INTO product (" + COLUMNS + ", created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp()) ON CONFLICT DO NOTHING",
                statement -> {
                    Row row = Row.of(id, request, slug);
                    statement.setObject(1, row.id());
                    statement.setString(2, row.sku());
                    statement.setString(3, row.slug());
                    statement.setString(4, row.name());
                    statement.setString(5, row.description());
                    statement.setLong(6, row.priceCents());
                    statement.setInt(7, row.stock());
                    statement.setBoolean(8, row.active());
                    statement.setString(9, row.imageUrl());
                }) == 1;
    }

    boolean skuExists(String sku) {
        return !query("SELECT 1 FROM product WHERE sku = ?", s -> s.setString(1, sku), rs -> true).isEmpty();
    }

    /** The first n (2, 3, ...) for which {@code base-n} is free right now. */
    int nextFreeSuffix(String base) {
        SlugAllocator allocator = new SlugAllocator(slugsInUse(List.of(base)));
        String slug = allocator.allocate(base);
        return slug.equals(base) ? 1 : Integer.parseInt(slug.substring(base.length() + 1));
    }

    /**
     * Every slug that is one of the bases or starts with {@code base-}. The prefix is a bytewise range
     * ({@code '-'} is followed by {@code '.'}), so each base is one index range scan, whatever the collation.
     */
    Set<String> slugsInUse(Collection<String> bases) {
        if (bases.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(query("SELECT slug FROM product WHERE slug = ANY(?) UNION ALL "
                + "SELECT p.slug FROM unnest(?::text[]) AS b(base) JOIN product p "
                + "ON (p.slug COLLATE \"C\") >= (b.base || '-') COLLATE \"C\" "
                + "AND (p.slug COLLATE \"C\") < (b.base || '.') COLLATE \"C\"",
                s -> {
                    s.setArray(1, array(s.getConnection(), "text", bases.toArray()));
                    s.setArray(2, array(s.getConnection(), "text", bases.toArray()));
                }, rs -> rs.getString(1)));
    }

    /** sku -> the product that has it, for the given skus. */
    Map<String, Current> bySku(Collection<String> skus) {
        Map<String, Current> found = new HashMap<>();
        if (!skus.isEmpty()) {
            query("SELECT id, sku, slug, version FROM product WHERE sku = ANY(?)",
                    s -> s.setArray(1, array(s.getConnection(), "text", skus.toArray())), ProductRows::current)
                    .forEach(c -> found.put(c.sku(), c));
        }
        return found;
    }

    /** slug -> the product that has it, for the given slugs. */
    Map<String, Current> bySlug(Collection<String> slugs) {
        Map<String, Current> found = new HashMap<>();
        if (!slugs.isEmpty()) {
            query("SELECT id, sku, slug, version FROM product WHERE slug = ANY(?)",
                    s -> s.setArray(1, array(s.getConnection(), "text", slugs.toArray())), ProductRows::current)
                    .forEach(c -> found.put(c.slug(), c));
        }
        return found;
    }

    /** Locks the products a bulk update touches, in id order so that two bulk updates cannot deadlock. */
    Map<UUID, Current> lockByIds(Collection<UUID> ids) {
        Map<UUID, Current> found = new HashMap<>();
        if (!ids.isEmpty()) {
            query("SELECT id, sku, slug, version FROM product WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                    s -> s.setArray(1, array(s.getConnection(), "uuid", ids.toArray())), ProductRows::current)
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    /**
     * New products streamed into the table as the caller adds them (one COPY): the database maintains the
     * table's indexes while the caller checks the next items. A duplicate sku or slug fails the COPY with the
     * unique key's name, as an INSERT would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    NewProducts newProducts() {
        return new NewProducts(CopyStream.open(connection(), "COPY product (" + COLUMNS + ") FROM STDIN"));
    }

    /** See {@link #newProducts()}. */
    static final class NewProducts implements AutoCloseable {

        private final CopyStream copy;

        private NewProducts(CopyStream copy) {
            this.copy = copy;
        }

        void add(Row row) {
            copy.uuid(row.id()).text(row.sku()).text(row.slug()).text(row.name()).text(row.description())
                    .number(row.priceCents()).number(row.stock()).bool(row.active()).text(row.imageUrl()).endRow();
        }

        long finish() {
            return copy.finish();
        }

        @Override
        public void close() {
            copy.close();
        }
    }

    /** Inserts new skus and overwrites existing ones; answers how many were inserted. */
    long upsertAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return query("INSERT INTO product (" + COLUMNS + ", created_at, updated_at) SELECT " + COLUMNS
                + ", now(), now() FROM " + UNNEST + " ON CONFLICT (sku) DO UPDATE SET slug = excluded.slug, "
                + "name = excluded.name, description = excluded.description, price_cents = excluded.price_cents, "
                + "stock = excluded.stock, active = excluded.active, image_url = excluded.image_url, "
                + "version = product.version + 1, updated_at = now() RETURNING (xmax = 0)",
                s -> bindRows(s, rows), rs -> rs.getBoolean(1)).stream().filter(Boolean::booleanValue).count();
    }

    /** Applies partial updates; an empty description or image URL clears it. */
    int updateAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return update("UPDATE product p SET sku = COALESCE(u.sku, p.sku), slug = COALESCE(u.slug, p.slug), "
                + "name = COALESCE(u.name, p.name), "
                + "description = CASE WHEN u.description IS NULL THEN p.description "
                + "  WHEN u.description = '' THEN NULL ELSE u.description END, "
                + "price_cents = COALESCE(u.price_cents, p.price_cents), stock = COALESCE(u.stock, p.stock), "
                + "active = COALESCE(u.active, p.active), "
                + "image_url = CASE WHEN u.image_url IS NULL THEN p.image_url "
                + "  WHEN u.image_url = '' THEN NULL ELSE u.image_url END, "
                + "version = p.version + 1, updated_at = now() FROM " + UNNEST + " WHERE p.id = u.id",
                s -> bindRows(s, rows));
    }

    /** The size of the active catalog, kept exact by triggers (V8), so a list page needs no count(*). */
    long activeProductCount() {
        return query("SELECT active_products FROM catalog_counter", s -> { }, rs -> rs.getLong("active_products")).get(0);
    }

    // --- stock: the only statements anywhere that change a product's stock outside the catalog's own edits ---

    /**
     * Takes {@code quantity} if it is there: the row lock this UPDATE takes makes the check and the write one
     * step, so no interleaving of checkouts (on any instance) can oversell.
     */
    Optional<Stock.Taken> take(UUID productId, int quantity) {
        return query("UPDATE product SET stock = stock - ? WHERE id = ? AND active AND stock >= ? "
                + "RETURNING id, sku, name, price_cents", s -> {
                    s.setInt(1, quantity);
                    s.setObject(2, productId);
                    s.setInt(3, quantity);
                }, rs -> new Stock.Taken(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                        rs.getLong("price_cents"))).stream().findFirst();
    }

    /** Locks the products in id order (as checkout takes them) and answers their stock, archived or not. */
    Map<UUID, Integer> lockStock(Collection<UUID> ids) {
        Map<UUID, Integer> found = new HashMap<>();
        query("SELECT id, stock FROM product WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                s -> s.setArray(1, array(s.getConnection(), "uuid", ids.toArray())),
                rs -> found.put(rs.getObject("id", UUID.class), rs.getInt("stock")));
        return found;
    }

    /** Adds (positive) or removes (negative) stock per product in one statement, in product-id order. */
    void addStock(Map<UUID, Integer> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        update("UPDATE product p SET stock = p.stock + d.delta "
                + "FROM (SELECT * FROM unnest(?::uuid[], ?::int[]) AS u(id, delta) ORDER BY id) d WHERE p.id = d.id",
                s -> {
                    s.setArray(1, array(s.getConnection(), "uuid", deltas.keySet().toArray()));
                    s.setArray(2, array(s.getConnection(), "integer", deltas.values().toArray()));
                });
    }

    /** Active products with at most {@code threshold} units, the fewest first. */
    List<Stock.Low> lowStock(int threshold, int limit) {
        return query("SELECT id, name, stock FROM product WHERE active AND stock <= ? ORDER BY stock, id LIMIT ?", s -> {
            s.setInt(1, threshold);
            s.setInt(2, limit);
        }, rs -> new Stock.Low(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("stock")));
    }

    /** The products a cart shows, with what can still be bought of each (0 once archived). */
    Map<UUID, Stock.Item> stockItems(Collection<UUID> ids) {
        Map<UUID, Stock.Item> found = new HashMap<>();
        if (!ids.isEmpty()) {
            query("SELECT id, sku, slug, name, price_cents, active, CASE WHEN active THEN stock ELSE 0 END AS available "
                    + "FROM product WHERE id = ANY(?)",
                    s -> s.setArray(1, array(s.getConnection(), "uuid", ids.toArray())),
                    rs -> new Stock.Item(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("slug"),
                            rs.getString("name"), rs.getLong("price_cents"), rs.getBoolean("active"),
                            rs.getInt("available")))
                    .forEach(item -> found.put(item.productId(), item));
        }
        return found;
    }

    private static void bindRows(PreparedStatement statement, List<Row> rows) throws SQLException {
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] skus = new Object[n];
        Object[] slugs = new Object[n];
        Object[] names = new Object[n];
        Object[] descriptions = new Object[n];
        Object[] prices = new Object[n];
        Object[] stocks = new Object[n];
        Object[] actives = new Object[n];
        Object[] images = new Object[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.id();
            skus[i] = row.sku();
            slugs[i] = row.slug();
            names[i] = row.name();
            descriptions[i] = row.description();
            prices[i] = row.priceCents();
            stocks[i] = row.stock();
            actives[i] = row.active();
            images[i] = row.imageUrl();
        }
        Connection c = statement.getConnection();
        statement.setArray(1, array(c, "uuid", ids));
        statement.setArray(2, array(c, "text", skus));
        statement.setArray(3, array(c, "text", slugs));
        statement.setArray(4, array(c, "text", names));
        statement.setArray(5, array(c, "text", descriptions));
        statement.setArray(6, array(c, "bigint", prices));
        statement.setArray(7, array(c, "integer", stocks));
        statement.setArray(8, array(c, "boolean", actives));
        statement.setArray(9, array(c, "text", images));
    }

    private static Current current(ResultSet rs) throws SQLException {
        return new Current(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4));
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new CatalogWriteException(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogWriteException(e);
        }
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogWriteException(e);
        }
    }

    /** A failed catalog statement; {@link com.acme.shop.platform.UniqueViolations} reads which key it broke. */
    static class CatalogWriteException extends RuntimeException {
        CatalogWriteException(SQLException cause) {
            super("catalog write failed", cause);
        }
    }
}
