package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products with options and variants: their shape, the variant set endpoint, carts and orders by variant. */
@QuarkusTest
class VariantsTest {

    @Inject
    Db db;

    private Api.Session admin;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    static Map<String, Object> variant(String sku, String size, String colour, long price, int stock) {
        Map<String, Object> v = new HashMap<>();
        v.put("sku", sku);
        v.put("options", Map.of("Size", size, "Colour", colour));
        v.put("priceCents", price);
        v.put("stock", stock);
        return v;
    }

    static List<Map<String, Object>> tshirtOptions() {
        return List.of(Map.of("name", "Size", "values", List.of("S", "M", "L")),
                Map.of("name", "Colour", "values", List.of("Red", "Blue")));
    }

    /** A T-shirt in S/Red, M/Red, M/Blue; answers the created product. */
    JsonPath tshirt(String tag, int mRedStock) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Tee " + tag);
        body.put("options", tshirtOptions());
        body.put("variants", List.of(variant("TEE-S-R-" + tag, "S", "Red", 2500, 3),
                variant("TEE-M-R-" + tag, "M", "Red", 2400, mRedStock), variant("TEE-M-B-" + tag, "M", "Blue", 2600, 5)));
        body.put("images", List.of(Map.of("url", "https://img.example/" + tag + "/1.jpg", "alt", "front"),
                Map.of("url", "https://img.example/" + tag + "/2.jpg")));
        return admin.as().body(body).post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
    }

    static String tag() {
        return java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aProductWithOptionsShowsItsVariantsAndTheV1FieldsOverThem() {
        String tag = tag();
        JsonPath p = tshirt(tag, 4);
        assertEquals("TEE-S-R-" + tag, p.getString("sku"));
        assertEquals(2400, p.getInt("priceCents"));
        assertEquals(12, p.getInt("stock"));
        assertEquals("https://img.example/" + tag + "/1.jpg", p.getString("imageUrl"));
        assertEquals(List.of("Size", "Colour"), p.getList("options.name"));
        assertEquals(List.of("S", "M", "L"), p.getList("options[0].values"));
        assertEquals(3, p.getList("variants").size());
        assertEquals(Map.of("Size", "M", "Colour", "Blue"), p.getMap("variants[2].options"));
        assertEquals("front", p.getString("images[0].alt"));

        Catalog.create(admin, "Plain " + tag, 900, 2);
        JsonPath plain = admin.as().get("/api/v1/admin/products?q=Plain " + tag).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(Map.of(), plain.getMap("items[0].variants[0].options"));
        assertEquals(plain.getString("items[0].sku"), plain.getString("items[0].variants[0].sku"));
        assertEquals(2, plain.getInt("items[0].variants[0].stock"));
        assertEquals(List.of(), plain.getList("items[0].options"));
        assertEquals(List.of(), plain.getList("items[0].images"));
    }

    @Test
    void aCreateWithBadVariantsIsRefusedAndWritesNothing() {
        String tag = tag();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Bad " + tag);
        body.put("options", tshirtOptions());
        body.put("variants", List.of(variant("BAD-1-" + tag, "S", "Red", 1, 1), variant("BAD-2-" + tag, "S", "Red", 1, 1),
                variant("BAD-3-" + tag, "XL", "Red", 1, 1)));
        admin.as().body(body).post("/api/v1/admin/products").then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", contains("variants[1].options", "variants[2].options"));
        body.put("sku", "BAD-0-" + tag);
        admin.as().body(body).post("/api/v1/admin/products").then().statusCode(400)
                .body("errors.field", hasItem("sku"));
        assertEquals(0, db.count("SELECT count(*) FROM product WHERE name = ?", "Bad " + tag));
    }

    @Test
    void theVariantSetIsAllOrNothingWithEveryBadVariantByIndex() {
        String tag = tag();
        JsonPath p = tshirt(tag, 4);
        String id = p.getString("id");
        String other = Catalog.create(admin, "Other " + tag, 100, 1);
        String otherSku = admin.as().get("/api/v1/admin/products/" + other).path("sku");

        Map<String, Object> body = new HashMap<>();
        body.put("version", p.getLong("version"));
        body.put("options", tshirtOptions());
        body.put("variants", List.of(variant("NEW-1-" + tag, "L", "Red", 100, 1),
                variant("NEW-2-" + tag, "L", "Red", 100, 1), // the combination of variant 0
                variant("NEW-3-" + tag, "L", "Green", 100, 1), // not a value of Colour
                variant(otherSku, "S", "Blue", 100, 1))); // another product's sku
        admin.as().body(body).put("/api/v1/admin/products/" + id + "/variants").then().statusCode(422)
                .body("code", equalTo("bulk_validation_failed"))
                .body("errors.index", contains(1, 2, 3))
                .body("errors.field", contains("options", "options", "sku"));
        assertEquals(3, db.count("SELECT count(*) FROM product_variant WHERE product_id = ?::uuid AND active", id));

        body.put("version", p.getLong("version") + 7);
        body.put("variants", List.of(variant("NEW-1-" + tag, "L", "Red", 100, 1)));
        admin.as().body(body).put("/api/v1/admin/products/" + id + "/variants").then().statusCode(409)
                .body("code", equalTo("version_conflict"));
    }

    @Test
    void theVariantSetUpdatesMatchedVariantsCreatesNewOnesAndArchivesTheRest() {
        String tag = tag();
        JsonPath p = tshirt(tag, 4);
        String id = p.getString("id");
        String mRed = p.getString("variants[1].id");
        Map<String, Object> kept = variant("TEE-M-R-" + tag, "M", "Red", 2000, 9);
        kept.put("id", mRed);
        Map<String, Object> body = new HashMap<>();
        body.put("version", p.getLong("version"));
        body.put("options", List.of(Map.of("name", "Size", "values", List.of("M", "L")),
                Map.of("name", "Colour", "values", List.of("Red"))));
        body.put("variants", List.of(kept, variant("TEE-L-R-" + tag, "L", "Red", 2200, 1)));
        JsonPath after = admin.as().body(body).put("/api/v1/admin/products/" + id + "/variants").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(p.getLong("version") + 1, after.getLong("version"));
        assertEquals(2000, after.getInt("priceCents"));
        assertEquals(10, after.getInt("stock"));
        assertEquals("TEE-M-R-" + tag, after.getString("sku"));
        assertEquals(4, after.getList("variants").size());
        assertEquals(2, after.getList("variants.findAll { it.active }").size());
        assertEquals(mRed, after.getString("variants.find { it.sku == 'TEE-M-R-" + tag + "' }.id"));
        assertEquals(false, after.getBoolean("variants.find { it.sku == 'TEE-S-R-" + tag + "' }.active"));

        // a v1 PATCH of price or stock of a product with several variants: edit the variants
        admin.as().body(Map.of("stock", 3)).patch("/api/v1/admin/products/" + id).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("stock"));
        // images are replaced as a whole
        admin.as().body(Map.of("images", List.of(Map.of("url", "https://img.example/x.png")))).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("imageUrl", equalTo("https://img.example/x.png")).body("images.size()", equalTo(1));
    }

    @Test
    void aV1PatchOfASingleVariantProductChangesItsVariant() {
        String id = Catalog.create(admin, "Single " + tag(), 500, 2);
        admin.as().body(Map.of("stock", 11, "priceCents", 700)).patch("/api/v1/admin/products/" + id).then()
                .statusCode(200).body("stock", equalTo(11)).body("priceCents", equalTo(700))
                .body("variants[0].stock", equalTo(11)).body("variants[0].priceCents", equalTo(700));
    }

    @Test
    void theCartNeedsTheVariantOfAProductWithSeveral() {
        String tag = tag();
        JsonPath p = tshirt(tag, 4);
        String id = p.getString("id");
        json().body(Map.of("productId", id, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("variantId"));
        JsonPath other = tshirt(tag(), 1);
        json().body(Map.of("productId", id, "variantId", other.getString("variants[0].id"), "quantity", 1))
                .post("/api/v1/cart/items").then().statusCode(404);

        String mBlue = p.getString("variants[2].id");
        Response added = json().body(Map.of("productId", id, "variantId", mBlue, "quantity", 2)).post("/api/v1/cart/items");
        added.then().statusCode(200).body("items[0].variantId", equalTo(mBlue))
                .body("items[0].sku", equalTo("TEE-M-B-" + tag)).body("items[0].unitPriceCents", equalTo(2600))
                .body("items[0].options.Colour", equalTo("Blue"));
        String cart = added.getCookie("cart_token");
        json().cookie("cart_token", cart).body(Map.of("quantity", 6)).patch("/api/v1/cart/items/" + mBlue).then()
                .statusCode(409).body("code", equalTo("insufficient_stock")).body("errors[0].field", equalTo(mBlue));
        json().cookie("cart_token", cart).body(Map.of("quantity", 3)).patch("/api/v1/cart/items/" + mBlue).then()
                .statusCode(200).body("items[0].quantity", equalTo(3));

        Response order = guestCheckout(cart, newKey(), checkoutBody(Api.uniqueEmail()));
        order.then().statusCode(201).body("order.items[0].variantId", equalTo(mBlue))
                .body("order.items[0].options.Size", equalTo("M")).body("order.items[0].sku", equalTo("TEE-M-B-" + tag));
        String orderId = order.path("order.id");
        assertEquals(2, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", mBlue));
        assertEquals(3, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", p.getString("variants[0].id")));

        // a refund that restocks returns the units to the same variant
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + orderId + "/status").then().statusCode(200);
        admin.as().body(Map.of("restock", true)).post("/api/v1/admin/orders/" + orderId + "/refunds").then().statusCode(201);
        assertEquals(5, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", mBlue));
        admin.as().get("/api/v1/admin/orders/" + orderId).then().body("items[0].variantId", equalTo(mBlue));
    }

    @Test
    void fortyParallelCheckoutsOfOneVariantWithSevenInStockPlaceSeven() throws Exception {
        String tag = tag();
        JsonPath p = tshirt(tag, 7);
        String id = p.getString("id");
        String mRed = p.getString("variants[1].id");
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Response r = json().body(Map.of("productId", id, "variantId", mRed, "quantity", 1)).post("/api/v1/cart/items");
            r.then().statusCode(200);
            carts.add(r.getCookie("cart_token"));
        }
        List<Response> responses = Parallel.run(40, i -> () -> guestCheckout(carts.get(i), newKey(),
                checkoutBody("buyer" + i + "@example.com")));
        long placed = responses.stream().filter(r -> r.statusCode() == 201).count();
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || (r.statusCode() == 409 && "insufficient_stock".equals(r.path("code"))
                    && mRed.equals(r.path("errors[0].field"))), r.statusCode() + " " + r.asString());
        }
        assertEquals(7, placed);
        assertEquals(0, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", mRed));
        assertEquals(7, db.count("SELECT coalesce(sum(quantity), 0) FROM order_line WHERE variant_id = ?::uuid", mRed));
        // the siblings are untouched
        assertEquals(3, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", p.getString("variants[0].id")));
        assertEquals(5, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", p.getString("variants[2].id")));
        assertEquals(8, (int) admin.as().get("/api/v1/admin/products/" + id).path("stock"));
    }

    @Test
    void aSkuTwoVariantSetsRaceForGoesToOneAndTheOtherIsTold() throws Exception {
        for (int round = 0; round < 5; round++) {
            String tag = tag();
            JsonPath a = tshirt("A" + tag, 1);
            JsonPath b = tshirt("B" + tag, 1);
            String contested = "RACE-" + tag;
            List<Response> responses = Parallel.run(2, i -> () -> {
                JsonPath p = i == 0 ? a : b;
                Map<String, Object> body = new HashMap<>();
                body.put("version", p.getLong("version"));
                body.put("options", tshirtOptions());
                body.put("variants", List.of(variant(contested, "S", "Red", 100, 1)));
                return admin.as().body(body).put("/api/v1/admin/products/" + p.getString("id") + "/variants");
            });
            List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 422), statuses, responses.get(0).asString() + responses.get(1).asString());
            Response refused = responses.stream().filter(r -> r.statusCode() == 422).findFirst().orElseThrow();
            refused.then().body("code", equalTo("bulk_validation_failed")).body("errors[0].index", equalTo(0))
                    .body("errors[0].field", equalTo("sku"));
            assertEquals(1, db.count("SELECT count(*) FROM product_variant WHERE sku = ?", contested));
        }
    }

    @Test
    void cancellingAnUnpaidOrderReturnsItsStockToTheVariants() {
        String tag = tag();
        JsonPath p = tshirt(tag, 4);
        String sRed = p.getString("variants[0].id");
        String mRed = p.getString("variants[1].id");
        Response first = json().body(Map.of("productId", p.getString("id"), "variantId", mRed, "quantity", 3))
                .post("/api/v1/cart/items");
        String cart = first.getCookie("cart_token");
        json().cookie("cart_token", cart).body(Map.of("productId", p.getString("id"), "variantId", sRed, "quantity", 2))
                .post("/api/v1/cart/items").then().statusCode(200).body("items.size()", equalTo(2));
        String order = guestCheckout(cart, newKey(), checkoutBody(Api.uniqueEmail())).then().statusCode(201).extract()
                .path("order.id");
        assertEquals(1, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", mRed));
        assertEquals(1, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", sRed));
        admin.as().body(Map.of("status", "CANCELLED")).patch("/api/v1/admin/orders/" + order + "/status").then()
                .statusCode(200);
        assertEquals(4, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", mRed));
        assertEquals(3, (int) db.<Integer>value("SELECT stock FROM product_variant WHERE id = ?::uuid", sRed));
    }

    @Test
    void theDatabaseKeepsOneActiveVariantPerCombinationAndValuesAmongTheOptions() {
        String tag = tag();
        JsonPath p = tshirt(tag, 4);
        String id = p.getString("id");
        String key = db.value("SELECT combination_key FROM product_variant WHERE id = ?::uuid", p.getString("variants[1].id"));
        IllegalStateException duplicate = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> db.execute("INSERT INTO product_variant (id, product_id, sku, price_cents, stock, position, "
                        + "combination_key) VALUES (gen_random_uuid(), ?::uuid, ?, 1, 1, 9, ?)", id, "DUP-" + tag, key));
        assertTrue(duplicate.getMessage().contains("product_variant_one_combination"), duplicate.getMessage());
        db.execute("DELETE FROM product_variant_option_value WHERE variant_id = ?::uuid AND option_position = 1",
                p.getString("variants[1].id"));
        IllegalStateException unknownValue = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> db.execute("INSERT INTO product_variant_option_value (variant_id, product_id, option_position, value) "
                        + "VALUES (?::uuid, ?::uuid, 1, 'Green')", p.getString("variants[1].id"), id));
        assertTrue(unknownValue.getMessage().contains("foreign key"), unknownValue.getMessage());
        IllegalStateException negative = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> db.execute("UPDATE product_variant SET stock = -1 WHERE id = ?::uuid", p.getString("variants[1].id")));
        assertTrue(negative.getMessage().contains("product_variant_stock_nonnegative"), negative.getMessage());
    }

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /**
     * The sku check reads committed rows only: a sku another transaction has just written passes it, and then the
     * unique key decides. The variant set waits on that key, and once the other commits it is told like any other
     * taken sku, by index, not with a 500.
     */
    @Test
    void aSkuTakenAfterTheCheckIsAnsweredFromTheUniqueKey() throws Exception {
        String tag = tag();
        JsonPath p = tshirt(tag, 1);
        String contested = "LATE-" + tag;
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            String otherProduct = java.util.UUID.randomUUID().toString();
            try (java.sql.Statement s = other.createStatement()) {
                s.execute("INSERT INTO product (id, sku, slug, name, price_cents) VALUES ('" + otherProduct + "', '"
                        + contested + "', 'late-" + tag.toLowerCase() + "', 'Late', 100)");
                s.execute("INSERT INTO product_variant (id, product_id, sku, price_cents, stock, position) VALUES "
                        + "(gen_random_uuid(), '" + otherProduct + "', '" + contested + "', 100, 1, 0)");
            }
            java.util.concurrent.CompletableFuture<Response> put = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                Map<String, Object> body = new HashMap<>();
                body.put("version", p.getLong("version"));
                body.put("options", tshirtOptions());
                body.put("variants", List.of(variant("KEEP-" + tag, "S", "Red", 100, 1),
                        variant(contested, "M", "Red", 100, 1)));
                return admin.as().body(body).put("/api/v1/admin/products/" + p.getString("id") + "/variants");
            });
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> db.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND query LIKE '%product_variant%' AND pid <> pg_backend_pid()") > 0);
            other.commit();
            put.get(30, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(422)
                    .body("code", equalTo("bulk_validation_failed")).body("errors[0].index", equalTo(1))
                    .body("errors[0].field", equalTo("sku"));
        }
        assertEquals(3, db.count("SELECT count(*) FROM product_variant WHERE product_id = ?::uuid AND active", p.getString("id")));
    }
}
