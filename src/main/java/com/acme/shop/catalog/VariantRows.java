package com.acme.shop.catalog;

import com.acme.shop.catalog.dto.ImageDto;
import com.acme.shop.catalog.dto.ProductOptionDto;
import com.acme.shop.catalog.dto.VariantDto;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of a product's options, variants and images (V15), over plain JDBC on the caller's transaction. Reads are
 * one statement per kind for a whole page of products.
 */
@ApplicationScoped
class VariantRows {

    private final AgroalDataSource dataSource;

    VariantRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A product's options, variants (in position order, archived ones too) and images. */
    record Details(List<ProductOptionDto> options, List<VariantDto> variants, List<ImageDto> images) {
    }

    /** A variant as it is stored. */
    record Stored(UUID id, String sku, String combinationKey, boolean active, int position) {
    }

    /** A variant as the variant set writes it. */
    record Write(UUID id, String sku, List<String> values, String combinationKey, long priceCents, int stock,
            boolean active, String imageUrl, int position) {
    }

    Map<UUID, Details> details(Collection<UUID> productIds) {
        Map<UUID, Details> found = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return found;
        }
        productIds.forEach(id -> found.put(id, new Details(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
        Object[] ids = productIds.toArray();
        Map<UUID, Map<Integer, List<String>>> values = new HashMap<>();
        query("SELECT product_id, option_position, value FROM product_option_value WHERE product_id = ANY(?) "
                + "ORDER BY product_id, option_position, position", ids, rs -> values
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .computeIfAbsent(rs.getInt(2), k -> new ArrayList<>()).add(rs.getString(3)));
        query("SELECT product_id, position, name FROM product_option WHERE product_id = ANY(?) "
                + "ORDER BY product_id, position", ids, rs -> {
                    UUID product = rs.getObject(1, UUID.class);
                    List<String> of = values.getOrDefault(product, Map.of()).getOrDefault(rs.getInt(2), List.of());
                    found.get(product).options().add(new ProductOptionDto(rs.getString(3), List.copyOf(of)));
                });
        query("SELECT product_id, id, sku, combination_key, price_cents, stock, active, image_url FROM product_variant "
                + "WHERE product_id = ANY(?) ORDER BY product_id, position, id", ids,
                rs -> found.get(rs.getObject(1, UUID.class)).variants().add(new VariantDto(rs.getObject(2, UUID.class),
                        rs.getString(3), Combinations.parse(rs.getString(4)), rs.getLong(5), rs.getInt(6),
                        rs.getBoolean(7), rs.getString(8))));
        query("SELECT product_id, url, alt FROM product_image WHERE product_id = ANY(?) ORDER BY product_id, position",
                ids, rs -> found.get(rs.getObject(1, UUID.class)).images()
                        .add(new ImageDto(rs.getString(2), rs.getString(3))));
        return found;
    }

    /** The product's variants, locked in id order (as checkout locks them), archived ones too. */
    @Transactional(TxType.MANDATORY)
    List<Stored> lockVariants(UUID productId) {
        List<Stored> out = new ArrayList<>();
        query("SELECT id, sku, combination_key, active, position FROM product_variant WHERE product_id = ? "
                + "ORDER BY id FOR NO KEY UPDATE", new Object[] {productId}, null,
                rs -> out.add(new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getInt(5))));
        return out;
    }

    /** sku -> product id, for skus some variant has. */
    Map<String, UUID> skuOwners(Collection<String> skus) {
        Map<String, UUID> found = new HashMap<>();
        if (!skus.isEmpty()) {
            query("SELECT v.sku, v.product_id FROM unnest(?::text[]) AS k(sku) JOIN product_variant v ON v.sku = k.sku",
                    skus.toArray(), "text", rs -> found.put(rs.getString(1), rs.getObject(2, UUID.class)));
        }
        return found;
    }

    /**
     * Replaces the product's options and the option values of its variants. The variants' own rows are written by
     * {@link #writeVariants}; call this first, with every variant already archived or renamed out of the way.
     */
    @Transactional(TxType.MANDATORY)
    void replaceOptions(UUID productId, List<ProductOptionDto> options) {
        update("DELETE FROM product_option WHERE product_id = ?", List.<Object[]>of(new Object[] {productId}));
        List<Object[]> names = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        for (int o = 0; o < options.size(); o++) {
            names.add(new Object[] {productId, o, options.get(o).name().trim()});
            List<String> of = options.get(o).values();
            for (int v = 0; v < of.size(); v++) {
                values.add(new Object[] {productId, o, v, of.get(v).trim()});
            }
        }
        update("INSERT INTO product_option (product_id, position, name) VALUES (?, ?, ?)", names);
        update("INSERT INTO product_option_value (product_id, option_position, position, value) VALUES (?, ?, ?, ?)",
                values);
    }

    /**
     * Sets aside the variants the set will rewrite: archived, and those whose sku changes under a placeholder sku,
     * so that rewriting them one by one never trips the unique sku or the one-active-combination index on a value
     * another variant of this product is about to give up (a swap).
     */
    @Transactional(TxType.MANDATORY)
    void setAside(UUID productId, Map<UUID, String> newSkus) {
        update("UPDATE product_variant SET active = false WHERE product_id = ? AND active",
                List.<Object[]>of(new Object[] {productId}));
        List<Object[]> renamed = new ArrayList<>();
        newSkus.forEach((id, sku) -> renamed.add(new Object[] {"tmp-" + id.toString().replace("-", ""), id, sku}));
        update("UPDATE product_variant SET sku = ? WHERE id = ? AND sku <> ?", renamed);
        update("DELETE FROM product_variant_option_value WHERE product_id = ?", List.<Object[]>of(new Object[] {productId}));
    }

    /** Writes the variants: existing ids updated, new ids inserted, with their option values. */
    @Transactional(TxType.MANDATORY)
    void writeVariants(UUID productId, List<Write> variants, Collection<UUID> existing) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        for (Write v : variants) {
            if (existing.contains(v.id())) {
                updates.add(new Object[] {v.sku(), v.priceCents(), v.stock(), v.active(), v.imageUrl(), v.position(),
                        v.combinationKey(), v.id()});
            } else {
                inserts.add(new Object[] {v.id(), productId, v.sku(), v.priceCents(), v.stock(), v.active(),
                        v.imageUrl(), v.position(), v.combinationKey()});
            }
            if (v.active()) {
                for (int o = 0; o < v.values().size(); o++) {
                    values.add(new Object[] {v.id(), productId, o, v.values().get(o)});
                }
            }
        }
        update("UPDATE product_variant SET sku = ?, price_cents = ?, stock = ?, active = ?, image_url = ?, position = ?, "
                + "combination_key = ?, updated_at = now() WHERE id = ?", updates);
        update("INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, image_url, position, "
                + "combination_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        update("INSERT INTO product_variant_option_value (variant_id, product_id, option_position, value) "
                + "VALUES (?, ?, ?, ?)", values);
    }

    /** The product's v1 columns follow its variants: the first active variant's sku, the lowest active price. */
    @Transactional(TxType.MANDATORY)
    void refreshProduct(UUID productId) {
        update("""
                UPDATE product p SET
                    sku = COALESCE((SELECT sku FROM product_variant WHERE product_id = p.id AND active
                                    ORDER BY position, id LIMIT 1), p.sku),
                    price_cents = COALESCE((SELECT min(price_cents) FROM product_variant
                                            WHERE product_id = p.id AND active), p.price_cents)
                WHERE p.id = ?""", List.<Object[]>of(new Object[] {productId}));
    }

    @Transactional(TxType.MANDATORY)
    void replaceImages(UUID productId, List<ImageDto> images) {
        update("DELETE FROM product_image WHERE product_id = ?", List.<Object[]>of(new Object[] {productId}));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String alt = images.get(i).alt();
            rows.add(new Object[] {productId, i, images.get(i).url(), alt == null || alt.isEmpty() ? null : alt});
        }
        update("INSERT INTO product_image (product_id, position, url, alt) VALUES (?, ?, ?, ?)", rows);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object[] uuids, RowReader reader) {
        query(sql, uuids, "uuid", reader);
    }

    /** One array parameter of {@code arrayType}, or ({@code arrayType} null) plain parameters. */
    private void query(String sql, Object[] parameters, String arrayType, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (arrayType != null) {
                s.setArray(1, c.createArrayOf(arrayType, parameters));
            } else {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new ProductRows.CatalogWriteException(e);
        }
    }

    /** Runs the statement once per parameter row, as one JDBC batch. */
    private void update(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        } catch (java.sql.BatchUpdateException e) {
            // The entry's own error (its SQLState, constraint and detail) is the next exception.
            throw new ProductRows.CatalogWriteException(e.getNextException() != null ? e.getNextException() : e);
        } catch (SQLException e) {
            throw new ProductRows.CatalogWriteException(e);
        }
    }
}
