package com.acme.shop.payment;

import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.SecurityEventsSeen;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A validly signed event is still only what it says: a paid event moves an order only for the session started for
 * it, its total and its currency; an event whose content is not what its type promises is acknowledged and
 * ignored, never a 5xx.
 */
@QuarkusTest
@TestProfile(StripeStub.Configured.class)
class StripePaidEventTest {

    @Inject
    Db db;

    Api.Session admin;
    String product;

    @BeforeEach
    void setUp() {
        StripeStub.stubDefaults();
        admin = Api.admin();
        product = Catalog.create(admin, "Verified Item", 1000, 10);
    }

    private String stripeOrder() {
        Map<String, Object> body = checkoutBody("verified@example.com");
        body.put("paymentMethod", "stripe");
        return guestCheckout(guestCartWith(product, 1), newKey(), body).then().statusCode(201).extract().path("order.id");
    }

    private static Response deliver(String payload) {
        return RestAssured.given().contentType("application/json").body(payload)
                .header("Stripe-Signature", StripeStub.sign(payload, System.currentTimeMillis() / 1000))
                .post("/api/v1/payments/stripe/webhook");
    }

    private static String completed(String session) {
        return StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed", session);
    }

    private Map<String, Object> order(String id) {
        return admin.as().get("/api/v1/admin/orders/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private long total(String id) {
        return ((Number) order(id).get("totalCents")).longValue();
    }

    private int stock() {
        return admin.as().get("/api/v1/admin/products/" + product).path("stock");
    }

    /** A rejected paid event: 200, the order still unpaid with its stock held, one security event counted. */
    private void assertRejected(String id, String payload) {
        long before = SecurityEventsSeen.count("paid_event_rejected");
        int held = stock();
        deliver(payload).then().statusCode(200);
        Map<String, Object> after = order(id);
        assertEquals("PENDING_PAYMENT", after.get("status"));
        assertEquals("pending", ((Map<?, ?>) after.get("payment")).get("status"));
        assertEquals(held, stock());
        assertEquals(before + 1, SecurityEventsSeen.count("paid_event_rejected"));
    }

    @Test
    void theSessionStartedForTheOrderWithItsTotalAndCurrencyPays() {
        String id = stripeOrder();
        assertEquals(StripeStub.SESSION_PREFIX + id,
                db.value("SELECT payment_reference FROM customer_order WHERE id = ?::uuid", id));
        long before = SecurityEventsSeen.count("paid_event_rejected");
        deliver(completed(StripeStub.paidSession(id, "pi_" + UUID.randomUUID(), total(id)))).then().statusCode(200);
        assertEquals("PAID", order(id).get("status"));
        assertEquals(before, SecurityEventsSeen.count("paid_event_rejected"));
    }

    @Test
    void aPaidEventForAnotherAmountChangesNothing() {
        String id = stripeOrder();
        assertRejected(id, completed(StripeStub.paidSession(id, "pi_" + UUID.randomUUID(), total(id) - 1)));
        assertRejected(id, StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.async_payment_succeeded",
                StripeStub.paidSession(id, "pi_" + UUID.randomUUID(), 1)));
    }

    @Test
    void aPaidEventInAnotherCurrencyChangesNothing() {
        String id = stripeOrder();
        assertRejected(id, completed(StripeStub.paidSession(StripeStub.SESSION_PREFIX + id, id,
                "pi_" + UUID.randomUUID(), total(id), "eur")));
    }

    @Test
    void aPaidEventOfAnotherSessionChangesNothing() {
        String id = stripeOrder();
        String other = stripeOrder();
        // another order's real session, paid for the same amount, but naming this order
        assertRejected(id, completed(StripeStub.paidSession(StripeStub.SESSION_PREFIX + other, id,
                "pi_" + UUID.randomUUID(), total(id), "usd")));
        assertRejected(id, completed(StripeStub.paidSession("cs_test_forged", id, "pi_" + UUID.randomUUID(),
                total(id), "usd")));
        assertEquals("PENDING_PAYMENT", order(other).get("status"));
    }

    @Test
    void aPaidEventForAManualOrderChangesNothing() {
        String id = guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody("manual@example.com"))
                .then().statusCode(201).extract().path("order.id");
        assertRejected(id, completed(StripeStub.paidSession(id, "pi_" + UUID.randomUUID(), total(id))));
    }

    @Test
    void aBadSignatureIsASecurityEvent() {
        long before = SecurityEventsSeen.count("webhook_bad_signature");
        String payload = completed(StripeStub.paidSession(UUID.randomUUID().toString(), "pi_x", 100));
        RestAssured.given().contentType("application/json").body(payload).header("Stripe-Signature", "t=1,v1=00")
                .post("/api/v1/payments/stripe/webhook").then().statusCode(400).body("code", equalTo("invalid_signature"));
        RestAssured.given().contentType("application/json").body(payload)
                .post("/api/v1/payments/stripe/webhook").then().statusCode(400).body("code", equalTo("invalid_signature"));
        assertEquals(before + 2, SecurityEventsSeen.count("webhook_bad_signature"));
    }

    /** Signed events whose content is not what their type promises; {@code %s} is a real unpaid order's id. */
    static Stream<Arguments> malformedEvents() {
        Function<String, String> evt = body -> "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\"," + body + "}";
        return Stream.of(
                Arguments.of("no data", evt.apply("\"type\":\"checkout.session.completed\"")),
                Arguments.of("no data.object", evt.apply("\"type\":\"checkout.session.completed\",\"data\":{}")),
                Arguments.of("data.object a string", evt.apply("\"type\":\"checkout.session.completed\",\"data\":{\"object\":\"x\"}")),
                Arguments.of("data.object an array", evt.apply("\"type\":\"checkout.session.async_payment_succeeded\",\"data\":{\"object\":[]}")),
                Arguments.of("data a number", evt.apply("\"type\":\"checkout.session.expired\",\"data\":7")),
                Arguments.of("no id", "{\"type\":\"checkout.session.completed\",\"data\":{\"object\":{}}}"),
                Arguments.of("no type", evt.apply("\"data\":{\"object\":{}}")),
                Arguments.of("type a number", evt.apply("\"type\":42,\"data\":{\"object\":{}}")),
                Arguments.of("id an object", "{\"id\":{\"x\":1},\"type\":\"charge.refunded\",\"data\":{\"object\":{}}}"),
                Arguments.of("a JSON array", "[1,2,3]"),
                Arguments.of("a JSON string", "\"checkout.session.completed\""),
                Arguments.of("JSON null", "null"),
                Arguments.of("an empty object", "{}"),
                Arguments.of("not JSON", "{\"id\": evt"),
                Arguments.of("paid, no order", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                        "{\"id\":\"cs_test_none\",\"payment_status\":\"paid\",\"amount_total\":100,\"currency\":\"usd\"}")),
                Arguments.of("paid, order id not a uuid", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                        "{\"id\":\"cs_x\",\"payment_status\":\"paid\",\"metadata\":{\"orderId\":\"SO-1\"},\"amount_total\":100,\"currency\":\"usd\"}")),
                Arguments.of("paid, unknown order", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.async_payment_succeeded",
                        StripeStub.paidSession(UUID.randomUUID().toString(), "pi_x", 100))),
                Arguments.of("paid, metadata a string and client_reference_id a number", StripeStub.event("evt_" + UUID.randomUUID(),
                        "checkout.session.completed", "{\"id\":\"cs_x\",\"payment_status\":\"paid\",\"metadata\":\"%s\",\"client_reference_id\":5}")),
                Arguments.of("paid, amount_total a string", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                        "{\"id\":\"cs_test_%1$s\",\"payment_status\":\"paid\",\"metadata\":{\"orderId\":\"%1$s\"},\"amount_total\":\"1600\",\"currency\":\"usd\"}")),
                Arguments.of("paid, amount_total a fraction", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                        "{\"id\":\"cs_test_%1$s\",\"payment_status\":\"paid\",\"metadata\":{\"orderId\":\"%1$s\"},\"amount_total\":1600.5,\"currency\":\"usd\"}")),
                Arguments.of("paid, amount_total huge", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                        "{\"id\":\"cs_test_%1$s\",\"payment_status\":\"paid\",\"metadata\":{\"orderId\":\"%1$s\"},\"amount_total\":123456789012345678901234567890,\"currency\":\"usd\"}")),
                Arguments.of("paid, currency a number, no session id", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.completed",
                        "{\"payment_status\":\"paid\",\"metadata\":{\"orderId\":\"%1$s\"},\"amount_total\":1600,\"currency\":840}")),
                Arguments.of("expired, order id an array", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.expired",
                        "{\"id\":\"cs_x\",\"metadata\":{\"orderId\":[\"%s\"]}}")),
                Arguments.of("failed, no fields", StripeStub.event("evt_" + UUID.randomUUID(), "checkout.session.async_payment_failed", "{}")),
                Arguments.of("refunded, amount a string", StripeStub.event("evt_" + UUID.randomUUID(), "charge.refunded",
                        "{\"id\":\"ch_x\",\"payment_intent\":\"pi_x\",\"amount_refunded\":\"all\"}")),
                Arguments.of("refunded, no payment_intent", StripeStub.event("evt_" + UUID.randomUUID(), "charge.refunded",
                        "{\"id\":\"ch_x\",\"amount_refunded\":100}")),
                Arguments.of("refunded, negative amount", StripeStub.event("evt_" + UUID.randomUUID(), "charge.refunded",
                        "{\"id\":\"ch_x\",\"payment_intent\":\"pi_x\",\"amount_refunded\":-5}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEvents")
    void aSignedEventWithTheWrongContentIsIgnoredNever5xx(String name, String template) {
        String id = stripeOrder();
        String payload = template.contains("%") ? String.format(template, id) : template;
        int status = deliver(payload).statusCode();
        assertTrue(status == 200 || status == 400, name + ": answered " + status);
        assertEquals("PENDING_PAYMENT", order(id).get("status"), name);
        assertEquals(9, stock(), name);
        // the service still applies a good event for the order afterwards
        deliver(completed(StripeStub.paidSession(id, "pi_" + UUID.randomUUID(), total(id)))).then().statusCode(200);
        assertEquals("PAID", order(id).get("status"), name);
    }
}
