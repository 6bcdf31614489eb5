package com.acme.shop.ordering;

import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminOrdersTest {

    @Inject
    Db db;

    Api.Session admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    private String guestOrder(String email, int stock, int quantity) {
        String product = Catalog.create(admin, "Admin Order Item", 1000, stock);
        return guestCheckout(guestCartWith(product, quantity), newKey(), checkoutBody(email))
                .then().statusCode(201).extract().path("order.id");
    }

    private long outboxRows(String kind, String orderId) {
        return db.count("SELECT count(*) FROM outbox_email WHERE kind = ? AND dedupe_key = ?", kind, kind + ":" + orderId);
    }

    @Test
    void filtersFindOrdersByEmailStatusNumberUserAndDate() {
        String email = Api.uniqueEmail();
        String first = guestOrder(email, 5, 1);
        String second = guestOrder(email, 5, 1);
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + second + "/status").then().statusCode(200);
        admin.as().queryParam("email", email.toUpperCase()).get("/api/v1/admin/orders").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.id", contains(second, first));
        admin.as().queryParam("email", email).queryParam("status", "PAID").get("/api/v1/admin/orders").then()
                .body("items.id", contains(second));
        String number = admin.as().get("/api/v1/admin/orders/" + first).path("number");
        admin.as().queryParam("q", number.substring(3)).get("/api/v1/admin/orders").then()
                .body("items.id", hasItem(first));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        admin.as().queryParam("email", email).queryParam("from", today).queryParam("to", today)
                .get("/api/v1/admin/orders").then().body("totalItems", equalTo(2));
        admin.as().queryParam("email", email).queryParam("to", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/v1/admin/orders").then().body("totalItems", equalTo(0));

        Api.Session customer = Api.newCustomer();
        String product = Catalog.create(admin, "User Filter", 100, 5);
        customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items");
        String mine = checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201).extract().path("order.id");
        admin.as().queryParam("userId", customer.userId()).get("/api/v1/admin/orders").then()
                .body("items.id", contains(mine));
    }

    @Test
    void badFiltersAre400() {
        for (String[] bad : new String[][] {{"status", "LOST"}, {"from", "2026-02-30"}, {"to", "yesterday"},
                {"userId", "nope"}, {"size", "1000"}}) {
            admin.as().queryParam(bad[0], bad[1]).get("/api/v1/admin/orders").then().statusCode(400)
                    .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo(bad[0]));
        }
        admin.as().queryParam("from", "2026-05-02").queryParam("to", "2026-05-01").get("/api/v1/admin/orders")
                .then().statusCode(400);
    }

    @Test
    void statusMovesFollowTheTableAndAreRecordedWithWhoAndWhy() throws Exception {
        String id = guestOrder(Api.uniqueEmail(), 5, 2);
        admin.as().body(Map.of("status", "SHIPPED")).patch("/api/v1/admin/orders/" + id + "/status").then()
                .statusCode(409).body("code", equalTo("invalid_transition"));
        admin.as().body(Map.of("status", "PAID", "note", "bank transfer received")).patch("/api/v1/admin/orders/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("PAID")).body("payment.status", equalTo("paid"));
        admin.as().body(Map.of("status", "SHIPPED", "trackingNumber", "1Z999")).patch("/api/v1/admin/orders/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("SHIPPED")).body("trackingNumber", equalTo("1Z999"));
        assertEquals(1, outboxRows("order_shipped", id));
        admin.as().body(Map.of("status", "PENDING_PAYMENT")).patch("/api/v1/admin/orders/" + id + "/status")
                .then().statusCode(409).body("code", equalTo("invalid_transition"));
        admin.as().body(Map.of("status", "LOST")).patch("/api/v1/admin/orders/" + id + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        admin.as().get("/api/v1/admin/orders/" + id).then().statusCode(200)
                .body("statusHistory.to", contains("PENDING_PAYMENT", "PAID", "SHIPPED"))
                .body("statusHistory[0].from", nullValue())
                .body("statusHistory[1].from", equalTo("PENDING_PAYMENT"))
                .body("statusHistory[1].actor", equalTo("admin:" + Api.ADMIN_EMAIL))
                .body("statusHistory[1].note", equalTo("bank transfer received"))
                .body("refunds", org.hamcrest.Matchers.empty());
        admin.as().get("/api/v1/admin/orders/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void cancellingAnUnpaidOrderReturnsItsStock() {
        String product = Catalog.create(admin, "Cancel Me", 100, 5);
        String id = guestCheckout(guestCartWith(product, 3), newKey(), checkoutBody("c@example.com"))
                .then().statusCode(201).extract().path("order.id");
        admin.as().body(Map.of("status", "CANCELLED")).patch("/api/v1/admin/orders/" + id + "/status").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        admin.as().get("/api/v1/admin/products/" + product).then().body("stock", equalTo(5));
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + id + "/status").then()
                .statusCode(409);
    }

    @Test
    void everyAdminChangeIsAudited() throws Exception {
        String id = guestOrder(Api.uniqueEmail(), 5, 1);
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + id + "/status").then().statusCode(200);
        List<Map<String, Object>> audits = db.rows(
                "SELECT actor, action, before, after FROM admin_audit WHERE entity_id = ? ORDER BY at", id);
        org.junit.jupiter.api.Assertions.assertTrue(!audits.isEmpty());
        Map<String, Object> audit = audits.get(0);
        assertEquals(Api.ADMIN_EMAIL, audit.get("actor"));
        assertEquals("order.status_changed", audit.get("action"));
        org.junit.jupiter.api.Assertions.assertTrue(((String) audit.get("before")).contains("PENDING_PAYMENT"));
        org.junit.jupiter.api.Assertions.assertTrue(((String) audit.get("after")).contains("PAID"));
        String product = Catalog.create(admin, "Audited", 100, 1);
        admin.as().body(Map.of("priceCents", 150)).patch("/api/v1/admin/products/" + product).then().statusCode(200);
        List<String> actions = db.values("SELECT action FROM admin_audit WHERE entity_id = ? ORDER BY at", product);
        assertEquals(List.of("product.created", "product.updated"), actions);
    }
}
