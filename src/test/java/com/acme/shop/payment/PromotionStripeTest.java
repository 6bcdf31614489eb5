package com.acme.shop.payment;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.ordering.StripeExpirySweep;
import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A discounted order paid through Stripe: the session charges the order's total; its expiry gives the use back. */
@QuarkusTest
@TestProfile(StripeStub.Configured.class)
class PromotionStripeTest {

    @Inject
    Db db;

    @Inject
    StripeExpirySweep sweep;

    @Test
    void theSessionChargesTheDiscountedTotalAndItsExpiryReleasesTheUse() {
        StripeStub.stubDefaults();
        Api.Session admin = Api.admin();
        String product = Catalog.create(admin, "Stripe Promo", 1000, 10);
        String code = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String promotion = admin.as().body(Map.of("code", code, "type", "percent", "value", 2500, "usageLimit", 1))
                .post("/api/v1/admin/promotions").then().statusCode(201).extract().path("id");
        String cart = guestCartWith(product, 2);
        json().cookie("cart_token", cart).body(Map.of("code", code)).post("/api/v1/cart/promotions").then()
                .statusCode(200).body("totalCents", org.hamcrest.Matchers.equalTo(2150));
        Map<String, Object> body = checkoutBody("stripe-promo@example.com");
        body.put("paymentMethod", "stripe");
        JsonPath placed = guestCheckout(cart, newKey(), body).then().statusCode(201).extract().jsonPath();
        String id = placed.getString("order.id");
        // 2000 - 25 % = 1500, shipping 500, tax 10 % of 1500 = 150: the items add up to the order's 2150.
        assertEquals(2150, placed.getLong("order.totalCents"));
        StripeStub.server.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withFormParam("metadata[orderId]", equalTo(id))
                .withFormParam("line_items[0][price_data][product_data][name]", equalTo("Stripe Promo x 2"))
                .withFormParam("line_items[0][price_data][unit_amount]", equalTo("1500"))
                .withFormParam("line_items[0][quantity]", equalTo("1"))
                .withFormParam("line_items[1][price_data][unit_amount]", equalTo("500"))
                .withFormParam("line_items[2][price_data][unit_amount]", equalTo("150")));
        admin.as().get("/api/v1/admin/promotions/" + promotion).then().body("usedCount", org.hamcrest.Matchers.equalTo(1));

        db.execute("UPDATE customer_order SET payment_expires_at = now() - interval '10 minutes' WHERE id = ?::uuid", id);
        sweep.sweep();
        sweep.sweep();
        admin.as().get("/api/v1/admin/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("CANCELLED"));
        admin.as().get("/api/v1/admin/promotions/" + promotion).then().body("usedCount", org.hamcrest.Matchers.equalTo(0));
        assertEquals(1L, db.count("SELECT count(*) FROM promotion_redemption WHERE order_id = ?::uuid AND state = 'released'", id));

        // Paid after all, while the use is still free: the order takes it (and its stock) back and is PAID.
        deliver(id, "pi_late_" + id);
        admin.as().get("/api/v1/admin/orders/" + id).then().body("status", org.hamcrest.Matchers.equalTo("PAID"));
        admin.as().get("/api/v1/admin/promotions/" + promotion).then().body("usedCount", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1L, db.count("SELECT count(*) FROM promotion_redemption WHERE order_id = ?::uuid AND state = 'held'", id));
        admin.as().get("/api/v1/admin/products/" + product).then().body("stock", org.hamcrest.Matchers.equalTo(8));
    }

    @Test
    void aLatePaymentWhoseUseWasTakenByAnotherOrderIsRefunded() {
        StripeStub.stubDefaults();
        Api.Session admin = Api.admin();
        String product = Catalog.create(admin, "Stripe Late Promo", 1000, 10);
        String code = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String promotion = admin.as().body(Map.of("code", code, "type", "percent", "value", 1000, "usageLimit", 1,
                "perCustomerLimit", 1)).post("/api/v1/admin/promotions").then().statusCode(201).extract().path("id");
        String first = stripeOrder(product, code, "late-first@example.com");
        db.execute("UPDATE customer_order SET payment_expires_at = now() - interval '10 minutes' WHERE id = ?::uuid", first);
        sweep.sweep();
        // The released use goes to someone else before the first shopper's payment arrives.
        String second = stripeOrder(product, code, "late-second@example.com");
        admin.as().get("/api/v1/admin/promotions/" + promotion).then().body("usedCount", org.hamcrest.Matchers.equalTo(1));

        deliver(first, "pi_late_" + first);
        admin.as().get("/api/v1/admin/orders/" + first).then()
                .body("status", org.hamcrest.Matchers.equalTo("REFUNDED"))
                .body("refundedCents", org.hamcrest.Matchers.equalTo(
                        admin.as().get("/api/v1/admin/orders/" + first).path("totalCents")));
        // Nothing of the first order is taken again: the second holds the code's one use, the stock is the second's.
        admin.as().get("/api/v1/admin/promotions/" + promotion).then().body("usedCount", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1L, db.count("SELECT count(*) FROM promotion_redemption WHERE order_id = ?::uuid AND state = 'released'", first));
        assertEquals(1L, db.count("SELECT count(*) FROM promotion_redemption WHERE order_id = ?::uuid AND state = 'held'", second));
        assertEquals(0L, db.count("SELECT coalesce(sum(used), 0) FROM promotion_customer_use WHERE promotion_id = ?::uuid "
                + "AND customer_key = 'email:late-first@example.com'", promotion));
        admin.as().get("/api/v1/admin/products/" + product).then().body("stock", org.hamcrest.Matchers.equalTo(9));
    }

    /** A guest's Stripe checkout of one unit with the code applied; the order's id. */
    private static String stripeOrder(String product, String code, String email) {
        String cart = guestCartWith(product, 1);
        json().cookie("cart_token", cart).body(Map.of("code", code)).post("/api/v1/cart/promotions").then().statusCode(200);
        Map<String, Object> body = checkoutBody(email);
        body.put("paymentMethod", "stripe");
        return guestCheckout(cart, newKey(), body).then().statusCode(201).extract().path("order.id");
    }

    /** Stripe reports the order's session paid, for the order's total. */
    private static void deliver(String orderId, String paymentIntent) {
        long total = ((Number) Api.admin().as().get("/api/v1/admin/orders/" + orderId).path("totalCents")).longValue();
        String payload = StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                StripeStub.paidSession(orderId, paymentIntent, total));
        io.restassured.RestAssured.given().contentType("application/json").body(payload)
                .header("Stripe-Signature", StripeStub.sign(payload, System.currentTimeMillis() / 1000))
                .post("/api/v1/payments/stripe/webhook").then().statusCode(200);
    }
}
