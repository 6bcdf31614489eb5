package com.acme.shop.payment;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.ordering.StripeExpirySweep;
import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(StripeStub.Configured.class)
class StripePaymentsTest {

    @Inject
    Db db;

    @Inject
    StripeExpirySweep sweep;

    Api.Session admin;
    String product;

    @BeforeEach
    void setUp() {
        StripeStub.stubDefaults();
        admin = Api.admin();
        product = Catalog.create(admin, "Stripe Item", 1000, 10);
    }

    private Response stripeCheckout(String email, int quantity) {
        Map<String, Object> body = checkoutBody(email);
        body.put("paymentMethod", "stripe");
        return guestCheckout(guestCartWith(product, quantity), newKey(), body);
    }

    private String stripeOrder(int quantity) {
        return stripeCheckout("buyer@example.com", quantity).then().statusCode(201).extract().path("order.id");
    }

    private static Response deliver(String payload) {
        return deliver(payload, StripeStub.sign(payload, System.currentTimeMillis() / 1000));
    }

    private static Response deliver(String payload, String signature) {
        var spec = io.restassured.RestAssured.given().contentType("application/json").body(payload);
        if (signature != null) {
            spec = spec.header("Stripe-Signature", signature);
        }
        return spec.post("/api/v1/payments/stripe/webhook");
    }

    private Map<String, Object> order(String id) {
        return admin.as().get("/api/v1/admin/orders/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The paid Checkout Session of an order, for its total, as Stripe would report it. */
    private String paid(String id, String paymentIntent) {
        return StripeStub.paidSession(id, paymentIntent, ((Number) order(id).get("totalCents")).longValue());
    }

    private int stock() {
        return admin.as().get("/api/v1/admin/products/" + product).path("stock");
    }

    @Test
    void checkoutCreatesASessionCarryingTheOrderAndAnIdempotencyKey() {
        Response placed = stripeCheckout("stripe@example.com", 2);
        placed.then().statusCode(201).body("order.status", equalTo("PENDING_PAYMENT"))
                .body("order.payment.provider", equalTo("stripe")).body("order.payment.status", equalTo("pending"))
                .body("payment.provider", equalTo("stripe"))
                .body("payment.redirectUrl", startsWith("https://checkout.stripe.test/"));
        String id = placed.path("order.id");
        assertEquals(8, stock(), "stock is held for the session");
        StripeStub.server.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("checkout-session-" + id))
                .withFormParam("mode", com.github.tomakehurst.wiremock.client.WireMock.equalTo("payment"))
                .withFormParam("client_reference_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(id))
                .withFormParam("metadata[orderId]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(id))
                .withFormParam("payment_intent_data[metadata][orderId]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(id))
                .withFormParam("customer_email", com.github.tomakehurst.wiremock.client.WireMock.equalTo("stripe@example.com"))
                .withFormParam("line_items[0][price_data][unit_amount]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1000"))
                .withFormParam("line_items[0][price_data][currency]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("usd"))
                .withFormParam("line_items[0][quantity]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .withFormParam("line_items[1][price_data][product_data][name]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Shipping"))
                .withFormParam("line_items[1][price_data][unit_amount]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("500"))
                .withFormParam("line_items[2][price_data][unit_amount]", com.github.tomakehurst.wiremock.client.WireMock.equalTo("200")));
    }

    @Test
    void whenStripeFailsTheClientGets503AndTheStockComesBack() {
        stripeCheckout(StripeStub.FAILING_EMAIL, 3).then().statusCode(503).body("code", equalTo("payment_unavailable"));
        assertEquals(10, stock());
    }

    @Test
    void oneEventDeliveredTenTimesInParallelTakesEffectOnce() throws Exception {
        String id = stripeOrder(1);
        String payload = StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, "pi_" + UUID.randomUUID()));
        for (int status : Parallel.run(10, i -> () -> deliver(payload).statusCode())) {
            assertEquals(200, status);
        }
        Map<String, Object> paid = order(id);
        assertEquals("PAID", paid.get("status"));
        assertEquals(1L, db.count("SELECT count(*) FROM order_status_change WHERE order_id = ?::uuid AND to_status = 'PAID'", id));
        assertEquals(1L, db.count("SELECT count(*) FROM outbox_email WHERE dedupe_key = 'order_confirmation:' || ? AND status = 'pending'", id));
    }

    @Test
    void badMissingAndStaleSignaturesAreRefusedAndChangeNothing() {
        String id = stripeOrder(1);
        String payload = StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, "pi_x"));
        deliver(payload, null).then().statusCode(400).body("code", equalTo("invalid_signature"));
        deliver(payload, "t=1,v1=deadbeef").then().statusCode(400).body("code", equalTo("invalid_signature"));
        deliver(payload.replace("paid", "paid "), StripeStub.sign(payload, System.currentTimeMillis() / 1000))
                .then().statusCode(400).body("code", equalTo("invalid_signature"));
        deliver(payload, StripeStub.sign(payload, System.currentTimeMillis() / 1000 - 301)).then().statusCode(400)
                .body("code", equalTo("invalid_signature"));
        deliver("not json", StripeStub.sign("not json", System.currentTimeMillis() / 1000)).then().statusCode(400);
        assertEquals("PENDING_PAYMENT", order(id).get("status"));
    }

    @Test
    void expiredAfterCompletedCancelsNothing() {
        String id = stripeOrder(1);
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, "pi_" + UUID.randomUUID()))).then().statusCode(200);
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.expired",
                StripeStub.session(id, "unpaid", null))).then().statusCode(200);
        assertEquals("PAID", order(id).get("status"));
        assertEquals(9, stock());
    }

    @Test
    void expiryAndFailedAsyncPaymentsCancelAndReturnStock() {
        String expired = stripeOrder(2);
        String failed = stripeOrder(3);
        assertEquals(5, stock());
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.expired",
                StripeStub.session(expired, "unpaid", null))).then().statusCode(200);
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.async_payment_failed",
                StripeStub.session(failed, "unpaid", null))).then().statusCode(200);
        assertEquals("CANCELLED", order(expired).get("status"));
        assertEquals("CANCELLED", order(failed).get("status"));
        assertEquals(10, stock());
    }

    @Test
    void anAsyncPaymentIsPaidOnlyWhenItSucceeds() {
        String id = stripeOrder(1);
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                StripeStub.session(id, "unpaid", "pi_async"))).then().statusCode(200);
        assertEquals("PENDING_PAYMENT", order(id).get("status"));
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.async_payment_succeeded",
                paid(id, "pi_async_" + UUID.randomUUID()))).then().statusCode(200);
        assertEquals("PAID", order(id).get("status"));
    }

    @Test
    void chargeRefundedRaisesRefundedCentsAndAFullOneRefunds() {
        String id = stripeOrder(1);
        String intent = "pi_" + UUID.randomUUID();
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, intent))).then().statusCode(200);
        // total: 1000 + 500 shipping + 100 tax
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "charge.refunded", StripeStub.charge(intent, 1600, 600)))
                .then().statusCode(200);
        Map<String, Object> partial = order(id);
        assertEquals(600, partial.get("refundedCents"));
        assertEquals("PAID", partial.get("status"));
        assertEquals(1, ((java.util.List<?>) partial.get("refunds")).size(), "a refund made in Stripe is recorded too");
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "charge.refunded", StripeStub.charge(intent, 1600, 1600)))
                .then().statusCode(200);
        assertEquals("REFUNDED", order(id).get("status"));
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() {
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "customer.created", "{\"id\":\"cus_1\"}"))
                .then().statusCode(200);
    }

    @Test
    void theSweepCancelsExpiredSessionsWithoutAWebhookAndALatePaymentTakesTheStockBack() throws Exception {
        String id = stripeOrder(4);
        db.execute("UPDATE customer_order SET payment_expires_at = now() - interval '10 minutes' WHERE id = ?::uuid", id);
        sweep.sweep();
        assertEquals("CANCELLED", order(id).get("status"));
        assertEquals(10, stock());
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, "pi_" + UUID.randomUUID()))).then().statusCode(200);
        Map<String, Object> late = order(id);
        assertEquals("PAID", late.get("status"));
        assertEquals(6, stock());
    }

    @Test
    void aLatePaymentWhoseStockIsGoneIsRefundedThroughStripe() throws Exception {
        String id = stripeOrder(4);
        db.execute("UPDATE customer_order SET payment_expires_at = now() - interval '10 minutes' WHERE id = ?::uuid", id);
        sweep.sweep();
        admin.as().body(Map.of("stock", 1)).patch("/api/v1/admin/products/" + product).then().statusCode(200);
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, "pi_late_" + id))).then().statusCode(200);
        Map<String, Object> refunded = order(id);
        assertEquals("REFUNDED", refunded.get("status"));
        assertEquals(refunded.get("totalCents"), refunded.get("refundedCents"));
        StripeStub.server.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("late-payment-refund-" + id))
                .withFormParam("payment_intent", com.github.tomakehurst.wiremock.client.WireMock.equalTo("pi_late_" + id)));
        assertEquals(1, stock());
    }

    @Test
    void adminRefundsOfStripeOrdersGoThroughStripe() {
        String id = stripeOrder(1);
        String intent = "pi_" + UUID.randomUUID();
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                paid(id, intent))).then().statusCode(200);
        admin.as().body(Map.of("amountCents", 700)).post("/api/v1/admin/orders/" + id + "/refunds").then()
                .statusCode(201).body("status", equalTo("succeeded")).body("id", notNullValue());
        StripeStub.server.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withFormParam("payment_intent", com.github.tomakehurst.wiremock.client.WireMock.equalTo(intent)).withFormParam("amount", com.github.tomakehurst.wiremock.client.WireMock.equalTo("700")));
        // Stripe then reports the refund: it is not counted twice.
        deliver(StripeStub.event("evt_" + UUID.randomUUID(), "charge.refunded", StripeStub.charge(intent, 1600, 700)))
                .then().statusCode(200);
        Map<String, Object> after = order(id);
        assertEquals(700, after.get("refundedCents"));
        assertEquals(1, ((java.util.List<?>) after.get("refunds")).size(), "not recorded twice");
    }
}
