package com.acme.shop.ordering;

import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unpaid manual orders give their stock back after SHOP_MANUAL_PAYMENT_TIMEOUT (72 h by default). */
@QuarkusTest
class ManualPaymentTimeoutTest {

    @Inject
    Db db;

    @Inject
    ManualPaymentSweep sweep;

    Api.Session admin;
    String product;

    @BeforeEach
    void setUp() {
        admin = Api.admin();
        product = Catalog.create(admin, "Manual Item", 1000, 50);
    }

    private String manualOrder(int quantity) {
        return guestCheckout(guestCartWith(product, quantity), newKey(), checkoutBody("manual-buyer@example.com"))
                .then().statusCode(201).extract().path("order.id");
    }

    private void placedAgo(String id, String interval) {
        db.execute("UPDATE customer_order SET created_at = now() - CAST(? AS interval) WHERE id = ?::uuid", interval, id);
    }

    private Map<String, Object> order(String id) {
        return admin.as().get("/api/v1/admin/orders/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private int stock() {
        return admin.as().get("/api/v1/admin/products/" + product).path("stock");
    }

    @Test
    void anUnpaidManualOrderIsCancelledAfterTheTimeoutAndItsStockReturned() {
        String stale = manualOrder(3);
        String recent = manualOrder(2);
        String paid = manualOrder(4);
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + paid + "/status").then().statusCode(200);
        placedAgo(stale, "72 hours 1 minute");
        placedAgo(recent, "71 hours 59 minutes");
        placedAgo(paid, "30 days");
        assertEquals(41, stock());

        sweep.sweep();

        Map<String, Object> cancelled = order(stale);
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("failed", ((Map<?, ?>) cancelled.get("payment")).get("status"));
        List<?> history = (List<?>) cancelled.get("statusHistory");
        assertEquals("system", ((Map<?, ?>) history.get(history.size() - 1)).get("actor"));
        assertEquals("PENDING_PAYMENT", order(recent).get("status"));
        assertEquals("PAID", order(paid).get("status"));
        assertEquals(44, stock(), "the stale order's 3 units are back; the others still hold theirs");

        sweep.sweep();
        assertEquals(44, stock(), "a second sweep returns nothing twice");
    }

    @Test
    void sweepsRunningTogetherReturnEachOrdersStockOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(manualOrder(2));
        }
        ids.forEach(id -> placedAgo(id, "4 days"));
        assertEquals(10, stock());

        Parallel.run(4, i -> () -> {
            sweep.sweep();
            return null;
        });

        assertEquals(50, stock());
        for (String id : ids) {
            assertEquals(1L, db.count("SELECT count(*) FROM order_status_change WHERE order_id = ?::uuid "
                    + "AND to_status = 'CANCELLED'", id));
        }
    }
}
