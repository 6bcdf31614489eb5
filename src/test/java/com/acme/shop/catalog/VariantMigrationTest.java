package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V15 on a database that holds v1 data: a database of its own is migrated to V14, given products, a cart and an
 * order the v1 way, then migrated to V15. Every product must be one default variant with its sku, price and stock,
 * and the cart line and order line must hold that variant.
 */
@QuarkusTest
class VariantMigrationTest {

    private static final String P1 = "00000000-0000-4000-8000-0000000000a1";
    private static final String P2 = "00000000-0000-4000-8000-0000000000a2";
    private static final String CART = "00000000-0000-4000-8000-0000000000c1";
    private static final String ORDER = "00000000-0000-4000-8000-0000000000d1";

    @Test
    void v1ProductsCartsAndOrdersBecomeDefaultVariants() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String database = (query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query)) + "_v14";
        String target = url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        Flyway.configure().dataSource(target, user, password).locations("classpath:db/migration").target("14")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(target, user, password)) {
            execute(c, "INSERT INTO product (id, sku, slug, name, price_cents, stock, active, image_url) VALUES "
                    + "('" + P1 + "', 'OLD-1', 'old-one', 'Old One', 1500, 7, true, 'https://img.example/1.png'), "
                    + "('" + P2 + "', 'OLD-2', 'old-two', 'Old Two', 900, 0, false, null)");
            execute(c, "INSERT INTO cart (id, token_hash) VALUES ('" + CART + "', decode(repeat('ab', 32), 'hex'))");
            execute(c, "INSERT INTO cart_line (cart_id, product_id, quantity) VALUES ('" + CART + "', '" + P1 + "', 2)");
            execute(c, "INSERT INTO customer_order (id, number, email, status, currency, subtotal_cents, shipping_cents, "
                    + "tax_cents, total_cents, payment_provider, payment_status, tracking_token_hash, ship_full_name, "
                    + "ship_line1, ship_city, ship_postal_code, ship_country, created_at, updated_at) VALUES ('" + ORDER
                    + "', 'T-1', 'old@example.com', 'PAID', 'USD', 3000, 500, 0, 3500, 'manual', 'paid', "
                    + "decode(repeat('cd', 32), 'hex'), 'A B', 'Street 1', 'Town', '12345', 'US', now(), now())");
            execute(c, "INSERT INTO order_line (order_id, line_no, product_id, sku, name, unit_price_cents, quantity, "
                    + "line_total_cents) VALUES ('" + ORDER + "', 1, '" + P1 + "', 'OLD-1', 'Old One', 1500, 2, 3000)");
        }

        Flyway.configure().dataSource(target, user, password).locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(target, user, password)) {
            assertEquals(List.of(P1 + "|OLD-1|1500|7|true|{}", P2 + "|OLD-2|900|0|true|{}"),
                    strings(c, "SELECT product_id || '|' || sku || '|' || price_cents || '|' || stock || '|' || active "
                            + "|| '|' || combination_key FROM product_variant ORDER BY sku"));
            assertEquals(List.of("https://img.example/1.png"),
                    strings(c, "SELECT url FROM product_image WHERE product_id = '" + P1 + "' AND position = 0"));
            String variant = strings(c, "SELECT id::text FROM product_variant WHERE product_id = '" + P1 + "'").get(0);
            assertEquals(List.of(variant + "|2"), strings(c, "SELECT variant_id || '|' || quantity FROM cart_line"));
            assertEquals(List.of(variant + "|{}"), strings(c, "SELECT variant_id || '|' || options FROM order_line"));
            assertEquals(List.of("1"), strings(c, "SELECT active_products::text FROM catalog_counter"));
            // the stock has one owner now, and it is never negative
            assertEquals(List.of(), strings(c, "SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'product' AND column_name = 'stock'"));
            assertThrows(SQLException.class, () -> execute(c, "UPDATE product_variant SET stock = -1 WHERE id = '" + variant + "'"));
        }
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
