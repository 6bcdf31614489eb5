package com.acme.shop.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Stripe API stood in for by WireMock; stripe-java is pointed at it through STRIPE_API_BASE. */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "whsec_test_only_secret";
    /** The stub names each session after its order: {@code cs_test_<order id>}, so a test can sign events about it. */
    public static final String SESSION_PREFIX = "cs_test_";
    public static final String FAILING_EMAIL = "stripe-down@example.com";
    static WireMockServer server;

    /** The test profile that configures Stripe (other tests run without it). */
    public static class Configured implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StripeStub.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(true));
        server.start();
        stubDefaults();
        return Map.of("shop.stripe.api-base", server.baseUrl(), "shop.stripe.secret-key", "sk_test_stub",
                "shop.stripe.webhook-secret", WEBHOOK_SECRET);
    }

    static void stubDefaults() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + SESSION_PREFIX + "{{formData request.body 'form' urlDecode=true}}{{form.client_reference_id}}\","
                        + "\"object\":\"checkout.session\","
                        + "\"url\":\"https://checkout.stripe.test/c/pay/{{randomValue length=12 type='ALPHANUMERIC'}}\","
                        + "\"payment_status\":\"unpaid\",\"status\":\"open\"}")));
        server.stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(1)
                .withFormParam("customer_email", equalTo(FAILING_EMAIL))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"stub says no\"}}")));
        server.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"re_{{randomValue length=20 type='ALPHANUMERIC'}}\",\"object\":\"refund\","
                        + "\"status\":\"succeeded\"}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The Stripe-Signature header for a payload, computed exactly as Stripe computes it. */
    public static String sign(String payload, long timestampSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(
                    mac.doFinal((timestampSeconds + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + timestampSeconds + ",v1=" + signature;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-01-27.acacia\",\"created\":"
                + (System.currentTimeMillis() / 1000) + ",\"livemode\":false,\"type\":\"" + type
                + "\",\"data\":{\"object\":" + object + "}}";
    }

    /** An event's Checkout Session of the order, as the stub created it; no amount (expiry, failure...). */
    public static String session(String orderId, String paymentStatus, String paymentIntent) {
        return "{\"id\":\"" + SESSION_PREFIX + orderId + "\",\"object\":\"checkout.session\",\"client_reference_id\":\""
                + orderId + "\",\"metadata\":{\"orderId\":\"" + orderId + "\"},\"payment_status\":\"" + paymentStatus
                + "\",\"payment_intent\":" + (paymentIntent == null ? "null" : "\"" + paymentIntent + "\"") + "}";
    }

    /** A paid Checkout Session of the order that charged {@code amountTotal} in US dollars, as Stripe spells them. */
    public static String paidSession(String orderId, String paymentIntent, long amountTotal) {
        return paidSession(SESSION_PREFIX + orderId, orderId, paymentIntent, amountTotal, "usd");
    }

    public static String paidSession(String sessionId, String orderId, String paymentIntent, long amountTotal,
            String currency) {
        return "{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"client_reference_id\":\"" + orderId
                + "\",\"metadata\":{\"orderId\":\"" + orderId + "\"},\"payment_status\":\"paid\",\"payment_intent\":"
                + (paymentIntent == null ? "null" : "\"" + paymentIntent + "\"") + ",\"amount_total\":" + amountTotal
                + ",\"currency\":\"" + currency + "\"}";
    }

    public static String charge(String paymentIntent, long amount, long amountRefunded) {
        return "{\"id\":\"ch_test_x\",\"object\":\"charge\",\"payment_intent\":\"" + paymentIntent + "\",\"amount\":"
                + amount + ",\"amount_refunded\":" + amountRefunded + ",\"refunded\":" + (amount == amountRefunded) + "}";
    }
}
