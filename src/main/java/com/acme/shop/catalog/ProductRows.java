package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ProductCreate;
import com.acme.shop.platform.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * ({@link CopyStream}) for bulk create and the CSV import, so a bulk of 10,000 products is one round trip, not
 * 10,000. Runs on the caller's transaction (the datasource is enlisted, so every call of one transaction gets the
 * same connection and sees its temporary tables).
 */
@ApplicationScoped
class ProductRows {

    /** A product's columns; its stock lives on its variants (V15), a v1 write's stock goes to its one variant. */
    private static final String COLUMNS = "id, sku, slug, name, description, price_cents, active, image_url";
    private static final String UNNEST = "unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], "
            + "?::int[], ?::boolean[], ?::text[]) AS u(id, sku, slug, name, description, price_cents, stock, active, image_url)";

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

    /** What the database holds for a product a bulk call touches; {@code variants} counts its active ones. */
    record Current(UUID id, String sku, String slug, long version, int variants) {
    }

    /** The product row of a create; its variants, options and images are written by {@link VariantRows}. */
    boolean insertIfFree(UUID id, ProductCreate request, String slug) {
        return update("INSERT INTO product (" + COLUMNS + ", created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp()) ON CONFLICT DO NOTHING",
                statement -> {
                    Row row = Row.of(id, request, slug);
                    statement.setObject(1, row.id());
                    statement.setString(2, row.sku());
                    statement.setString(3, row.slug());
                    statement.setString(4, row.name());
                    statement.setString(5, row.description());
                    statement.setLong(6, row.priceCents());
                    statement.setBoolean(7, row.active());
                    statement.setString(8, row.imageUrl());
                }) == 1;
    }

    /** Whether any variant of any product has the sku (a product's v1 sku is its first variant's). */
    boolean skuExists(String sku) {
        return !query("SELECT 1 FROM product_variant WHERE sku = ?", s -> s.setString(1, sku), rs -> true).isEmpty();
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
        return new HashSet<>(query("SELECT p.slug FROM unnest(?::text[]) AS s(slug) JOIN product p ON p.slug = s.slug "
                + "UNION ALL "
                + "SELECT p.slug FROM unnest(?::text[]) AS b(base) JOIN product p "
                + "ON (p.slug COLLATE \"C\") >= (b.base || '-') COLLATE \"C\" "
                + "AND (p.slug COLLATE \"C\") < (b.base || '.') COLLATE \"C\"",
                s -> {
                    s.setArray(1, array(s.getConnection(), "text", bases.toArray()));
                    s.setArray(2, array(s.getConnection(), "text", bases.toArray()));
                }, rs -> rs.getString(1)));
    }

    /**
     * sku -> the product that has it, for the given skus. A join with the unnested keys, not {@code = ANY(?)}: for
     * a bound array PostgreSQL 15 compares each scanned row with the whole array, and a planner that believes the
     * table small (a new shop's first imports, right after a rolled-back one left 10,000 dead rows) chose exactly
     * that scan: 43 s for 10,000 skus. A join is linear whichever plan is chosen.
     */
    Map<String, Current> bySku(Collection<String> skus) {
        Map<String, Current> found = new HashMap<>();
        if (!skus.isEmpty()) {
            // Any variant's sku counts: skus are unique across all variants of all products. The answer names
            // the sku looked up (a variant's), with its product's id, slug and version.
            query("SELECT p.id, v.sku, p.slug, p.version, 1 FROM unnest(?::text[]) AS k(sku) "
                    + "JOIN product_variant v ON v.sku = k.sku JOIN product p ON p.id = v.product_id",
                    s -> s.setArray(1, array(s.getConnection(), "text", skus.toArray())), ProductRows::current)
                    .forEach(c -> found.put(c.sku(), c));
        }
        return found;
    }

    /** slug -> the product that has it, for the given slugs. */
    Map<String, Current> bySlug(Collection<String> slugs) {
        Map<String, Current> found = new HashMap<>();
        if (!slugs.isEmpty()) {
            query("SELECT p.id, p.sku, p.slug, p.version, 1 FROM unnest(?::text[]) AS k(slug) "
                    + "JOIN product p ON p.slug = k.slug",
                    s -> s.setArray(1, array(s.getConnection(), "text", slugs.toArray())), ProductRows::current)
                    .forEach(c -> found.put(c.slug(), c));
        }
        return found;
    }

    /** Locks the products a bulk update touches, in id order so that two bulk updates cannot deadlock. */
    Map<UUID, Current> lockByIds(Collection<UUID> ids) {
        Map<UUID, Current> found = new HashMap<>();
        if (!ids.isEmpty()) {
            query("SELECT p.id, p.sku, p.slug, p.version, "
                    + "(SELECT count(*) FROM product_variant v WHERE v.product_id = p.id AND v.active) "
                    + "FROM unnest(?::uuid[]) AS k(id) JOIN product p ON p.id = k.id ORDER BY p.id FOR UPDATE OF p",
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
        return new NewProducts(this, CopyStream.open(connection(), "COPY product (" + COLUMNS + ") FROM STDIN"));
    }

    /** See {@link #newProducts()}. */
    static final class NewProducts implements AutoCloseable {

        private final ProductRows rows;
        private final CopyStream copy;
        private final List<Row> added = new ArrayList<>();

        private NewProducts(ProductRows rows, CopyStream copy) {
            this.rows = rows;
            this.copy = copy;
        }

        void add(Row row) {
            copy.uuid(row.id()).text(row.sku()).text(row.slug()).text(row.name()).text(row.description())
                    .number(row.priceCents()).bool(row.active()).text(row.imageUrl()).endRow();
            added.add(row);
        }

        /** Ends the COPY, then gives every new product its one variant (sku, price, stock) and its image. */
        long finish() {
            long count = copy.finish();
            rows.insertDefaultVariants(added);
            return count;
        }

        @Override
        public void close() {
            copy.close();
        }
    }

    // --- the CSV import: its lines staged by COPY in a temporary table, then checked and written set-based ---

    /** How many rounds of slug derivation settle clashes between the slugs of different names (one, nearly always). */
    private static final int DERIVATION_ROUNDS = 20;

    /** A problem the staged lines have together (a repeated sku, a slug that is someone else's). */
    record StagedProblem(long line, String field, String message) {
    }

    /** What an import did, or would do. */
    record Counts(long created, long updated) {
    }

    /**
     * Starts staging an import in {@code csv_line}, a temporary table that the transaction's end drops: one row per
     * record with the right number of fields, streamed by COPY. A line with a problem of its own is staged with
     * its sku alone, so that the lines repeating that sku are found as well.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Staging stage() {
        // These statements run once over many rows: compiling them (JIT) costs more than it saves.
        query("SELECT set_config('jit', 'off', true)", s -> { }, rs -> true);
        update("""
                CREATE TEMPORARY TABLE csv_line (
                    line        bigint  NOT NULL,
                    sku         text    NOT NULL,
                    ok          boolean NOT NULL,
                    slug        text,
                    base        text,
                    name        text,
                    description text,
                    price_cents bigint,
                    stock       integer,
                    active      boolean,
                    image_url   text
                ) ON COMMIT DROP""", s -> { });
        update("CREATE TEMPORARY TABLE csv_slug (line bigint NOT NULL, slug text NOT NULL) ON COMMIT DROP", s -> { });
        return new Staging(this, CopyStream.open(connection(), "COPY csv_line (line, sku, ok, slug, base, name, "
                + "description, price_cents, stock, active, image_url) FROM STDIN"));
    }

    /** See {@link #stage()}. */
    static final class Staging implements AutoCloseable {

        private final ProductRows rows;
        private final CopyStream copy;

        private Staging(ProductRows rows, CopyStream copy) {
            this.rows = rows;
            this.copy = copy;
        }

        /** A line whose every field is valid; {@code base} is what its slug derives from when it has none. */
        void valid(long line, Row row, String base) {
            copy.number(line).text(row.sku()).bool(true).text(row.slug()).text(base).text(row.name())
                    .text(row.description()).number(row.priceCents()).number(row.stock()).bool(row.active())
                    .text(row.imageUrl()).endRow();
        }

        /** A line with a problem of its own. */
        void invalid(long line, String sku) {
            copy.number(line).text(sku).bool(false).text(null).text(null).text(null).text(null).number(null)
                    .number(null).bool(null).text(null).endRow();
        }

        /** Ends the COPY; the table's statistics then let the checks below join it well. */
        void finish() {
            copy.finish();
            rows.update("ANALYZE csv_line", s -> { });
        }

        @Override
        public void close() {
            copy.close();
        }
    }

    /**
     * What is wrong with the staged lines together, in line order, at most {@code limit}: a sku that an earlier line
     * has, and an explicit slug that another product has or that an earlier line gives to another sku.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<StagedProblem> stagedProblems(int limit) {
        return query("""
                SELECT line, field, message FROM (
                    SELECT line, 'sku' AS field, 'duplicates the sku of line ' || first_line AS message
                    FROM (SELECT line, min(line) OVER (PARTITION BY sku) AS first_line FROM csv_line WHERE sku <> '') d
                    WHERE line > first_line
                    UNION ALL
                    -- a product is found by its v1 sku (its first variant's); another variant's sku is taken
                    SELECT l.line, 'sku', 'already belongs to a variant of another product'
                    FROM csv_line l JOIN product_variant v ON v.sku = l.sku
                    WHERE l.ok AND NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = l.sku)
                    UNION ALL
                    SELECT c.line, 'slug', 'already belongs to another product'
                    FROM (
                        -- a slug that another product has is refused; among the lines left, the first one owns it
                        SELECT line, sku, held, first_value(sku) OVER (PARTITION BY slug ORDER BY held, line) AS owner
                        FROM (SELECT line, sku, slug,
                                     EXISTS (SELECT 1 FROM product p WHERE p.slug = l.slug AND p.sku <> l.sku) AS held
                              FROM csv_line l WHERE ok AND slug IS NOT NULL) h
                    ) c
                    WHERE c.held OR c.sku <> c.owner
                ) problem
                ORDER BY line, field
                LIMIT ?""", s -> s.setInt(1, limit),
                rs -> new StagedProblem(rs.getLong("line"), rs.getString("field"), rs.getString("message")));
    }

    /**
     * Derives a slug for every staged new product without one, as {@link SlugAllocator} does: the n-th line (in
     * file order) of a base gets the n-th of {@code base}, {@code base-2}, {@code base-3}... that no product has
     * and no line asks for explicitly. Two names can reach one slug ({@code "A 2"} itself, {@code "A"} the second
     * time): the earlier line keeps it and the later one takes the next free candidate in another round. Answers
     * the lines still without a slug after {@link #DERIVATION_ROUNDS} rounds (none, but for contrived files).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Long> deriveStagedSlugs() {
        for (int round = 0; round < DERIVATION_ROUNDS; round++) {
            if (update(DERIVE_SLUGS, s -> { }) == 0) {
                return List.of();
            }
            int clashes = update("""
                    DELETE FROM csv_slug s
                    USING (SELECT line, row_number() OVER (PARTITION BY slug ORDER BY line) AS nth FROM csv_slug) d
                    WHERE s.line = d.line AND d.nth > 1""", s -> { });
            if (clashes == 0) {
                return List.of();
            }
        }
        return query("SELECT line FROM csv_line c WHERE ok AND slug IS NULL AND NOT EXISTS (SELECT 1 FROM product p "
                + "WHERE p.sku = c.sku) AND NOT EXISTS (SELECT 1 FROM csv_slug s WHERE s.line = c.line) ORDER BY line",
                s -> { }, rs -> rs.getLong("line"));
    }

    private static final String DERIVE_SLUGS = """
            INSERT INTO csv_slug (line, slug)
            WITH need AS (
                SELECT c.line, c.base, row_number() OVER (PARTITION BY c.base ORDER BY c.line) AS k
                FROM csv_line c
                WHERE c.ok AND c.slug IS NULL
                  AND NOT EXISTS (SELECT 1 FROM product p WHERE p.sku = c.sku)
                  AND NOT EXISTS (SELECT 1 FROM csv_slug s WHERE s.line = c.line)
            ), bases AS (
                SELECT base, count(*) AS wanted FROM need GROUP BY base
            ), chosen AS (
                SELECT slug FROM csv_line WHERE slug IS NOT NULL
                UNION ALL
                SELECT slug FROM csv_slug
            ), taken AS (
                -- the candidate numbers of each base that are not free: base is 1, base-N is N (N >= 2), whether a
                -- product has it (one bytewise index range per base, as in slugsInUse)...
                -- (OFFSET 0 keeps the LATERAL subquery a range scan per base, whatever the planner believes about
                -- the size of the tables: stale statistics once made it compare every base with every product)
                SELECT b.base, CASE WHEN p.slug = b.base THEN 1 ELSE substr(p.slug, length(b.base) + 2)::int END AS n
                FROM bases b CROSS JOIN LATERAL (
                    SELECT slug FROM product
                    WHERE (slug COLLATE "C") >= (b.base COLLATE "C") AND (slug COLLATE "C") < ((b.base || '.') COLLATE "C")
                    OFFSET 0
                ) p
                WHERE p.slug = b.base OR substr(p.slug, length(b.base) + 2) ~ '^([2-9]|[1-9][0-9]{1,8})$'
                UNION
                -- ...or a line asks for it or got it in an earlier round
                SELECT f.base, f.n FROM (
                    SELECT slug AS base, 1 AS n FROM chosen
                    UNION ALL
                    SELECT substring(slug FROM '^(.*)-(?:[2-9]|[1-9][0-9]{1,8})$'),
                           substring(slug FROM '-([2-9]|[1-9][0-9]{1,8})$')::int
                    FROM chosen WHERE slug ~ '-([2-9]|[1-9][0-9]{1,8})$'
                ) f JOIN bases b ON b.base = f.base
            ), reach AS (
                -- wanted + taken candidates hold at least wanted free ones
                SELECT b.base, b.wanted + count(t.n) AS upto FROM bases b LEFT JOIN taken t ON t.base = b.base
                GROUP BY b.base, b.wanted
            ), free AS (
                SELECT r.base, g.n, row_number() OVER (PARTITION BY r.base ORDER BY g.n) AS k
                FROM reach r CROSS JOIN LATERAL generate_series(1, r.upto) AS g(n)
                WHERE NOT EXISTS (SELECT 1 FROM taken t WHERE t.base = r.base AND t.n = g.n)
            )
            SELECT need.line, CASE WHEN free.n = 1 THEN need.base ELSE need.base || '-' || free.n END
            FROM need JOIN free ON free.base = need.base AND free.k = need.k""";

    /**
     * Writes the staged lines in one statement: new skus are inserted (with their explicit or derived slug),
     * existing ones overwritten (keeping their slug unless the line gives one). Counted from what the statement
     * did, which stays right if another writer added one of the skus meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Counts upsertStaged() {
        return query("""
                WITH written AS (
                    INSERT INTO product AS p (id, sku, slug, name, description, price_cents, active, image_url,
                                              created_at, updated_at)
                    SELECT gen_random_uuid(), c.sku, COALESCE(c.slug, e.slug, d.slug), c.name, c.description,
                           c.price_cents, c.active, c.image_url, now(), now()
                    FROM csv_line c LEFT JOIN product e ON e.sku = c.sku LEFT JOIN csv_slug d ON d.line = c.line
                    WHERE c.ok
                    ON CONFLICT (sku) DO UPDATE SET slug = excluded.slug, name = excluded.name,
                        description = excluded.description, price_cents = excluded.price_cents,
                        active = excluded.active, image_url = excluded.image_url, version = p.version + 1,
                        updated_at = now()
                    RETURNING p.xmax = 0 AS created)
                SELECT count(*) FILTER (WHERE created) AS created, count(*) FILTER (WHERE NOT created) AS updated
                FROM written""", s -> { }, ProductRows::counts).get(0);
    }

    /**
     * After {@link #upsertStaged()}: each line's variant (the one with its sku) takes the line's price and stock, a
     * new product gets its default variant, the first image follows the line's image_url, and the products' v1
     * price is the lowest of their active variants again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void syncStagedVariants() {
        update("""
                UPDATE product_variant v SET price_cents = c.price_cents, stock = c.stock, updated_at = now()
                FROM csv_line c WHERE c.ok AND v.sku = c.sku""", s -> { });
        update("""
                INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key)
                SELECT gen_random_uuid(), p.id, c.sku, c.price_cents, c.stock, true, 0, '{}'
                FROM csv_line c JOIN product p ON p.sku = c.sku
                WHERE c.ok AND NOT EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id)""", s -> { });
        String staged = "SELECT p.id FROM csv_line c JOIN product p ON p.sku = c.sku WHERE c.ok";
        syncFirstImages(staged, s -> { });
        refreshPrices(staged, s -> { });
    }

    /** What {@link #upsertStaged()} would do, for a dry run. */
    @Transactional(Transactional.TxType.MANDATORY)
    Counts countStaged() {
        return query("SELECT count(*) FILTER (WHERE e.id IS NULL) AS created, count(e.id) AS updated "
                + "FROM csv_line c LEFT JOIN product e ON e.sku = c.sku WHERE c.ok", s -> { }, ProductRows::counts).get(0);
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong("created"), rs.getLong("updated"));
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
                + "price_cents = COALESCE(u.price_cents, p.price_cents), "
                + "active = COALESCE(u.active, p.active), "
                + "image_url = CASE WHEN u.image_url IS NULL THEN p.image_url "
                + "  WHEN u.image_url = '' THEN NULL ELSE u.image_url END, "
                + "version = p.version + 1, updated_at = now() FROM " + UNNEST + " WHERE p.id = u.id",
                s -> bindRows(s, rows));
    }

    /**
     * A v1 write's sku, price and stock go to the product's one variant (the first active one: a v1 price or stock
     * change of a product with several is refused before), its image_url to its first image.
     */
    void syncVariants(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        update("UPDATE product_variant v SET sku = COALESCE(u.sku, v.sku), "
                + "price_cents = COALESCE(u.price_cents, v.price_cents), stock = COALESCE(u.stock, v.stock), "
                + "updated_at = now() FROM " + UNNEST + " WHERE v.id = (SELECT f.id FROM product_variant f "
                + "WHERE f.product_id = u.id ORDER BY f.active DESC, f.position, f.id LIMIT 1) "
                + "AND (u.sku IS NOT NULL OR u.price_cents IS NOT NULL OR u.stock IS NOT NULL)",
                s -> bindRows(s, rows));
        Object[] withImage = rows.stream().filter(r -> r.imageUrl() != null).map(Row::id).toArray();
        if (withImage.length > 0) {
            syncFirstImages("SELECT unnest(?::uuid[])", s -> s.setArray(1, array(s.getConnection(), "uuid", withImage)));
        }
    }

    /** New products' default variants (options {}) and images, from their v1 fields. */
    void insertDefaultVariants(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        update("INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key) "
                + "SELECT gen_random_uuid(), u.id, u.sku, u.price_cents, u.stock, true, 0, '{}' FROM " + UNNEST,
                s -> bindRows(s, rows));
        insertDefaultImages(rows);
    }

    /** New products' one image, from their v1 image_url. */
    void insertDefaultImages(List<Row> rows) {
        update("INSERT INTO product_image (product_id, position, url) SELECT u.id, 0, u.image_url FROM " + UNNEST
                + " WHERE u.image_url IS NOT NULL", s -> bindRows(s, rows));
    }

    /**
     * The first image of each product {@code ids} (a query of product ids) follows its v1 image_url: none when it is
     * null (every image removed), else the first image's url replaced (or a first image added).
     */
    private void syncFirstImages(String ids, Binder binder) {
        update("DELETE FROM product_image i USING product p WHERE p.id IN (" + ids + ") AND i.product_id = p.id "
                + "AND p.image_url IS NULL", binder);
        update("INSERT INTO product_image AS i (product_id, position, url) "
                + "SELECT p.id, COALESCE((SELECT min(position) FROM product_image f WHERE f.product_id = p.id), 0), "
                + "p.image_url FROM product p WHERE p.id IN (" + ids + ") AND p.image_url IS NOT NULL "
                + "ON CONFLICT (product_id, position) DO UPDATE SET url = excluded.url WHERE i.url <> excluded.url",
                binder);
    }

    /** A product's v1 price is the lowest of its active variants' (kept for the price sort and its index). */
    private void refreshPrices(String ids, Binder binder) {
        update("UPDATE product p SET price_cents = m.price FROM (SELECT product_id, min(price_cents) AS price "
                + "FROM product_variant WHERE active AND product_id IN (" + ids + ") GROUP BY product_id) m "
                + "WHERE p.id = m.product_id AND p.price_cents <> m.price", binder);
    }

    /**
     * One page of ids in a list's order: {@code where} and {@code orderBy} are the callers' fixed SQL (never input),
     * matching a partial index, so PostgreSQL skips {@code offset} index entries (index-only where the visibility
     * map allows) instead of {@code offset} whole rows.
     */
    List<UUID> pageIds(String where, String orderBy, int offset, int limit) {
        return query("SELECT id FROM product WHERE " + where + " ORDER BY " + orderBy + " OFFSET ? LIMIT ?", s -> {
            s.setInt(1, offset);
            s.setInt(2, limit);
        }, rs -> rs.getObject(1, UUID.class));
    }

    long countWhere(String where) {
        return query("SELECT count(*) FROM product WHERE " + where, s -> { }, rs -> rs.getLong(1)).get(0);
    }

    /** {@link #pageIds(String, String, int, int)} with {@code ?} parameters in {@code where}, bound in order. */
    List<UUID> pageIds(String where, List<?> params, String orderBy, int offset, int limit) {
        return query("SELECT id FROM product WHERE " + where + " ORDER BY " + orderBy + " OFFSET ? LIMIT ?", s -> {
            int i = bind(s, params);
            s.setInt(i, offset);
            s.setInt(i + 1, limit);
        }, rs -> rs.getObject(1, UUID.class));
    }

    long countWhere(String where, List<?> params) {
        return query("SELECT count(*) FROM product WHERE " + where, s -> bind(s, params), rs -> rs.getLong(1)).get(0);
    }

    /**
     * {@link #pageIds(String, List, String, int, int)} over a candidate set ({@code candidates}: SQL selecting
     * {@code product_id}, its parameters first), read in full first and each candidate then looked up by id: for a
     * filter that matches few products, where walking the sort's index would pass most of the catalog to fill a page.
     * ({@code OFFSET 0} keeps the lookup a per-candidate index probe, whatever the planner believes about sizes.)
     */
    List<UUID> pageIdsAmong(String candidates, String where, List<?> params, String orderBy, int offset, int limit) {
        return query("WITH candidate AS MATERIALIZED (" + candidates + ") SELECT p.id FROM candidate c "
                + "CROSS JOIN LATERAL (SELECT * FROM product WHERE product.id = c.product_id OFFSET 0) p WHERE " + where
                + " ORDER BY " + orderBy + " OFFSET ? LIMIT ?", s -> {
                    int i = bind(s, params);
                    s.setInt(i, offset);
                    s.setInt(i + 1, limit);
                }, rs -> rs.getObject(1, UUID.class));
    }

    /** {@link #countWhere(String, List)} over a candidate set, as {@link #pageIdsAmong} reads it. */
    long countAmong(String candidates, String where, List<?> params) {
        return query("WITH candidate AS MATERIALIZED (" + candidates + ") SELECT count(*) FROM candidate c "
                + "CROSS JOIN LATERAL (SELECT * FROM product WHERE product.id = c.product_id OFFSET 0) p WHERE " + where,
                s -> bind(s, params), rs -> rs.getLong(1)).get(0);
    }

    /** A product's own columns, as reads show them (the variants, images and categories are read beside). */
    record Head(UUID id, String sku, String slug, String name, String description, long priceCents, boolean active,
            long version, Instant createdAt, Instant updatedAt) {

    }

    /**
     * One product's row, or, {@code locked}, locked for a change: {@code FOR NO KEY UPDATE}, the lock an update of
     * its columns takes anyway, so rows referring to the product (cart lines, its variants) can still be written.
     */
    Optional<Head> head(UUID id, boolean locked) {
        return query(HEAD + "WHERE id = ?" + (locked ? " FOR NO KEY UPDATE" : ""), s -> s.setObject(1, id),
                ProductRows::head).stream().findFirst();
    }

    /**
     * Writes these columns of one product (names from the code, never from input) if its version is still
     * {@code version}, and moves the version on: the optimistic lock of a product. False when it moved meanwhile.
     */
    boolean updateIfVersion(UUID id, long version, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder();
        columns.keySet().forEach(column -> set.append(column).append(" = ?, "));
        return update("UPDATE product SET " + set + "version = version + 1 WHERE id = ? AND version = ?", s -> {
            List<Object> values = new ArrayList<>();
            columns.values().forEach(v -> values.add(v instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : v));
            int i = bind(s, values);
            s.setObject(i, id);
            s.setLong(i + 1, version);
        }) == 1;
    }

    /**
     * Archives the product if it is active: whatever else changed meanwhile, the admin asked for it to be archived,
     * so no version is compared. Answers whether it was active (and is archived now).
     */
    boolean archive(UUID id, Instant at) {
        return update("UPDATE product SET active = false, updated_at = ?, version = version + 1 WHERE id = ? AND active",
                s -> {
                    s.setObject(1, at.atOffset(ZoneOffset.UTC));
                    s.setObject(2, id);
                }) == 1;
    }

    private static final String HEAD = "SELECT id, sku, slug, name, description, price_cents, active, version, "
            + "created_at, updated_at FROM product ";

    /**
     * The products with these ids, in the order of {@code ids} (a page chosen over an index of ids): one statement,
     * straight into records.
     */
    List<Head> heads(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Head> found = new HashMap<>();
        query(HEAD + "WHERE id = ANY (?)", s -> s.setArray(1, s.getConnection().createArrayOf("uuid", ids.toArray())),
                ProductRows::head).forEach(h -> found.put(h.id(), h));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    Optional<Head> activeHead(String slug) {
        return query(HEAD + "WHERE slug = ? AND active", s -> s.setString(1, slug), ProductRows::head).stream()
                .findFirst();
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getBoolean(7), rs.getLong(8), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    /** Binds the values from the first parameter on; answers the index of the next one. */
    private static int bind(PreparedStatement statement, List<?> params) throws SQLException {
        int i = 1;
        for (Object value : params) {
            statement.setObject(i++, value);
        }
        return i;
    }

    /** The size of the active catalog, kept exact by triggers (V8), so a list page needs no count(*). */
    long activeProductCount() {
        return query("SELECT active_products FROM catalog_counter", s -> { }, rs -> rs.getLong("active_products")).get(0);
    }

    // --- stock: the only statements anywhere that change a variant's stock outside the catalog's own edits ---

    /**
     * Takes {@code quantity} of an active variant of an active product if it is there: the row lock this UPDATE
     * takes makes the check and the write one step, so no interleaving of checkouts (on any instance) can oversell.
     * Only the variant's row is locked: checkouts of sibling variants never wait on each other.
     */
    Optional<Stock.Taken> take(UUID variantId, int quantity) {
        return query("UPDATE product_variant v SET stock = v.stock - ? FROM product p "
                + "WHERE v.id = ? AND v.active AND v.stock >= ? AND p.id = v.product_id AND p.active "
                + "RETURNING v.product_id, v.id, v.sku, p.name, v.price_cents", s -> {
                    s.setInt(1, quantity);
                    s.setObject(2, variantId);
                    s.setInt(3, quantity);
                }, rs -> new Stock.Taken(rs.getObject("product_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("sku"), rs.getString("name"), rs.getLong("price_cents"))).stream().findFirst();
    }

    /** Locks the variants in id order (as checkout takes them) and answers their stock, archived or not. */
    Map<UUID, Integer> lockStock(Collection<UUID> variantIds) {
        Map<UUID, Integer> found = new HashMap<>();
        query("SELECT id, stock FROM product_variant WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                s -> s.setArray(1, array(s.getConnection(), "uuid", variantIds.toArray())),
                rs -> found.put(rs.getObject("id", UUID.class), rs.getInt("stock")));
        return found;
    }

    /** Adds (positive) or removes (negative) stock per variant in one statement, in variant-id order. */
    void addStock(Map<UUID, Integer> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        update("UPDATE product_variant v SET stock = v.stock + d.delta "
                + "FROM (SELECT * FROM unnest(?::uuid[], ?::int[]) AS u(id, delta) ORDER BY id) d WHERE v.id = d.id",
                s -> {
                    s.setArray(1, array(s.getConnection(), "uuid", deltas.keySet().toArray()));
                    s.setArray(2, array(s.getConnection(), "integer", deltas.values().toArray()));
                });
    }

    /** Active products whose active variants hold at most {@code threshold} units in all, the fewest first. */
    List<Stock.Low> lowStock(int threshold, int limit) {
        return query("SELECT p.id, p.name, s.stock FROM (SELECT product_id, sum(stock)::int AS stock "
                + "FROM product_variant WHERE active GROUP BY product_id HAVING sum(stock) <= ?) s "
                + "JOIN product p ON p.id = s.product_id WHERE p.active ORDER BY s.stock, p.id LIMIT ?", s -> {
                    s.setInt(1, threshold);
                    s.setInt(2, limit);
                }, rs -> new Stock.Low(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("stock")));
    }

    /**
     * The variants a cart shows, by variant id, with what can still be bought of each (0 once the variant or its
     * product is archived) and how many active variants their product has.
     */
    Map<UUID, Stock.Item> stockItems(Collection<UUID> variantIds) {
        return items("v.id = ANY(?)", variantIds);
    }

    /** The variants of the given products (archived ones too), by variant id. */
    Map<UUID, Stock.Item> stockItemsOfProducts(Collection<UUID> productIds) {
        return items("v.product_id = ANY(?)", productIds);
    }

    private Map<UUID, Stock.Item> items(String where, Collection<UUID> ids) {
        Map<UUID, Stock.Item> found = new HashMap<>();
        if (!ids.isEmpty()) {
            query("SELECT v.id AS variant_id, p.id, v.sku, p.slug, p.name, v.price_cents, p.active AND v.active AS active, "
                    + "CASE WHEN p.active AND v.active THEN v.stock ELSE 0 END AS available, v.combination_key, "
                    + "(SELECT count(*) FROM product_variant s WHERE s.product_id = p.id AND s.active) AS variants "
                    + "FROM product_variant v JOIN product p ON p.id = v.product_id WHERE " + where,
                    s -> s.setArray(1, array(s.getConnection(), "uuid", ids.toArray())),
                    rs -> new Stock.Item(rs.getObject("id", UUID.class), rs.getObject("variant_id", UUID.class),
                            rs.getString("sku"), rs.getString("slug"), rs.getString("name"), rs.getLong("price_cents"),
                            rs.getBoolean("active"), rs.getInt("available"),
                            Combinations.parse(rs.getString("combination_key")), rs.getInt("variants")))
                    .forEach(item -> found.put(item.variantId(), item));
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
        return new Current(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5));
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
