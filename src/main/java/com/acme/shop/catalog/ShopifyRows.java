package com.acme.shop.catalog;

import com.acme.shop.platform.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of a Shopify product import ({@link ShopifyCsv}): every product it reads is staged, with its options,
 * variants and images, in one temporary table by one COPY stream (a connection runs one COPY at a time, so the kinds
 * of row share a table, told apart by {@code kind}); the checks between products (a handle that comes back, a sku
 * of another product or of the catalog, a handle the catalog has) and the writes are then a few set-based statements
 * into the tables {@link VariantRows} reads. Runs on the caller's transaction, whose end drops the table.
 */
@ApplicationScoped
class ShopifyRows {

    private final AgroalDataSource dataSource;
    private final Sql sql;

    ShopifyRows(AgroalDataSource dataSource, Sql sql) {
        this.dataSource = dataSource;
        this.sql = sql;
    }

    /** A problem the staged products have together. */
    record StagedProblem(long line, String field, String message) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Staging stage() {
        // These statements run once over many rows: compiling them (JIT) costs more than it saves.
        sql.list("SELECT set_config('jit', 'off', true)", rs -> true);
        // kind: p product, o option, n option value, v variant, w a variant's option value, i image, e a problem
        // that depends on the other products (name: the field, value: the message); a variant's value is 'derived'
        // when its sku was made from the handle.
        // line: where the product (p) or the variant (v) is in the file; group_line: the line of a variant's product.
        // A product with a problem of its own is staged as its handle and its variants' skus only (ok = false), so
        // that the checks between products still see them.
        sql.update("""
                CREATE TEMPORARY TABLE shopify_row (
                    kind            "char"  NOT NULL,
                    line            bigint,
                    group_line      bigint,
                    ok              boolean NOT NULL,
                    product_id      uuid,
                    id              uuid,
                    position        integer,
                    value_position  integer,
                    handle          text,
                    name            text,
                    description     text,
                    sku             text,
                    price_cents     bigint,
                    stock           integer,
                    active          boolean,
                    url             text,
                    alt             text,
                    combination_key text,
                    value           text
                ) ON COMMIT DROP""");
        try {
            return new Staging(sql, CopyStream.open(dataSource.getConnection(), "COPY shopify_row (kind, line, "
                    + "group_line, ok, product_id, id, position, value_position, handle, name, description, sku, "
                    + "price_cents, stock, active, url, alt, combination_key, value) FROM STDIN"));
        } catch (SQLException e) {
            throw new ProductRows.CatalogWriteException(e);
        }
    }

    /** See {@link #stage()}; the methods stage one row each. */
    static final class Staging implements AutoCloseable {

        private final Sql sql;
        private final CopyStream copy;

        private Staging(Sql sql, CopyStream copy) {
            this.sql = sql;
            this.copy = copy;
        }

        void product(long line, UUID id, String handle, String name, String description, boolean active, String sku,
                long priceCents, String imageUrl) {
            row('p', line, null, true, id, null, null, null, handle, name, description, sku, priceCents, null, active,
                    imageUrl, null, null, null);
        }

        void option(UUID productId, int position, String name) {
            row('o', null, null, true, productId, null, position, null, null, null, null, null, null, null, null, null,
                    null, null, name);
        }

        void optionValue(UUID productId, int optionPosition, int position, String value) {
            row('n', null, null, true, productId, null, optionPosition, position, null, null, null, null, null, null,
                    null, null, null, null, value);
        }

        /** A variant; {@code derived}: its sku was made from the handle (value 'derived'). */
        void variant(long line, long groupLine, UUID productId, VariantRows.Write v, boolean derived) {
            row('v', line, groupLine, true, productId, v.id(), v.position(), null, null, null, null, v.sku(),
                    v.priceCents(), v.stock(), v.active(), v.imageUrl(), null, v.combinationKey(),
                    derived ? "derived" : null);
        }

        void variantValue(UUID variantId, UUID productId, int optionPosition, String value) {
            row('w', null, null, true, productId, variantId, optionPosition, null, null, null, null, null, null, null,
                    null, null, null, null, value);
        }

        void image(UUID productId, int position, String url, String alt) {
            row('i', null, null, true, productId, null, position, null, null, null, null, null, null, null, null, url,
                    alt, null, null);
        }

        /** A product with a problem: its handle (null when unusable). */
        void invalidProduct(long line, String handle) {
            row('p', line, null, false, null, null, null, null, handle, null, null, null, null, null, null, null, null,
                    null, null);
        }

        /**
         * A problem of the product whose rows start at {@code groupLine}, reported unless its handle came back after
         * another product's (then its rows' lacking a title or a variant is no problem of its own).
         */
        void problemUnlessRepeated(long line, long groupLine, String handle, String field, String message) {
            row('e', line, groupLine, false, null, null, null, null, handle, field, null, null, null, null, null, null,
                    null, null, message);
        }

        /** A variant of a product with a problem: its sku. */
        void invalidVariant(long line, long groupLine, String sku) {
            row('v', line, groupLine, false, null, null, null, null, null, null, null, sku, null, null, null, null,
                    null, null, null);
        }

        private void row(char kind, Long line, Long groupLine, boolean ok, UUID productId, UUID id, Integer position,
                Integer valuePosition, String handle, String name, String description, String sku, Long priceCents,
                Integer stock, Boolean active, String url, String alt, String combinationKey, String value) {
            copy.text(String.valueOf(kind)).number(line).number(groupLine).bool(ok).uuid(productId).uuid(id)
                    .number(position).number(valuePosition).text(handle).text(name).text(description).text(sku)
                    .number(priceCents).number(stock).bool(active).text(url).text(alt).text(combinationKey).text(value)
                    .endRow();
        }

        /** Ends the COPY; the table's statistics then let the checks below join it well. */
        void finish() {
            copy.finish();
            sql.update("ANALYZE shopify_row");
        }

        @Override
        public void close() {
            copy.close();
        }
    }

    /**
     * What is wrong with the staged products together, in line order, at most {@code limit}: a handle whose rows
     * come back after another product's, a handle the catalog has, a sku an earlier product of the file has (one
     * product's own repeats were reported with it) or any variant of the catalog has.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<StagedProblem> stagedProblems(int limit) {
        return sql.list("""
                SELECT line, field, message FROM (
                    SELECT line, 'Handle' AS field, 'comes back after other products (its rows start at line '
                           || first_line || '): a product''s rows must be together' AS message
                    FROM (SELECT line, min(line) OVER (PARTITION BY handle) AS first_line
                          FROM shopify_row WHERE kind = 'p' AND handle IS NOT NULL) d
                    WHERE line > first_line
                    UNION ALL
                    SELECT e.line, e.name, e.value FROM shopify_row e
                    WHERE e.kind = 'e' AND NOT EXISTS (SELECT 1 FROM shopify_row p
                                                       WHERE p.kind = 'p' AND p.handle = e.handle
                                                         AND p.line < e.group_line)
                    UNION ALL
                    SELECT s.line, 'Handle', 'already belongs to another product'
                    FROM shopify_row s JOIN product p ON p.slug = s.handle
                    WHERE s.kind = 'p'
                    UNION ALL
                    SELECT line, 'Variant SKU', made || 'duplicates the sku of line ' || first_line
                    FROM (SELECT line, group_line, first_value(line) OVER w AS first_line,
                                 first_value(group_line) OVER w AS first_group,
                                 CASE WHEN value = 'derived' THEN 'is empty, and the sku made from the handle, '
                                      || sku || ', ' ELSE '' END AS made
                          FROM shopify_row WHERE kind = 'v' AND sku IS NOT NULL
                          WINDOW w AS (PARTITION BY sku ORDER BY line)) d
                    WHERE line > first_line AND group_line <> first_group
                    UNION ALL
                    SELECT s.line, 'Variant SKU', CASE WHEN s.value = 'derived' THEN 'is empty, and the sku made from '
                           || 'the handle, ' || s.sku || ', ' ELSE '' END || 'is taken by another product''s variant'
                    FROM shopify_row s
                    WHERE s.kind = 'v' AND s.sku IS NOT NULL
                      AND (EXISTS (SELECT 1 FROM product_variant v WHERE v.sku = s.sku)
                           OR EXISTS (SELECT 1 FROM product p WHERE p.sku = s.sku))
                ) problem
                ORDER BY line, field
                LIMIT ?""", rs -> new StagedProblem(rs.getLong("line"), rs.getString("field"), rs.getString("message")),
                limit);
    }

    /** How many products a write of the staged rows would create. */
    @Transactional(Transactional.TxType.MANDATORY)
    long countStaged() {
        return sql.list("SELECT count(*) AS products FROM shopify_row WHERE kind = 'p' AND ok",
                rs -> rs.getLong("products")).get(0);
    }

    /**
     * Writes the staged products (every one checked clean) with their options, variants and images: one statement
     * per table. Answers the number of products created.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    long writeStaged() {
        int created = sql.update("""
                INSERT INTO product (id, sku, slug, name, description, price_cents, active, image_url, created_at,
                                     updated_at)
                SELECT product_id, sku, handle, name, description, price_cents, active, url, now(), now()
                FROM shopify_row WHERE kind = 'p' ORDER BY line""");
        sql.update("INSERT INTO product_option (product_id, position, name) "
                + "SELECT product_id, position, value FROM shopify_row WHERE kind = 'o'");
        sql.update("INSERT INTO product_option_value (product_id, option_position, position, value) "
                + "SELECT product_id, position, value_position, value FROM shopify_row WHERE kind = 'n'");
        sql.update("""
                INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, image_url, position,
                                             combination_key)
                SELECT id, product_id, sku, price_cents, stock, active, url, position, combination_key
                FROM shopify_row WHERE kind = 'v' ORDER BY line""");
        sql.update("INSERT INTO product_variant_option_value (variant_id, product_id, option_position, value) "
                + "SELECT id, product_id, position, value FROM shopify_row WHERE kind = 'w'");
        sql.update("INSERT INTO product_image (product_id, position, url, alt) "
                + "SELECT product_id, position, url, alt FROM shopify_row WHERE kind = 'i'");
        return created;
    }
}
