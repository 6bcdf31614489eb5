package com.acme.shop.payment;

import com.acme.shop.platform.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Verifies and applies Stripe webhooks. The signature is checked over the raw body (5-minute tolerance)
 * before anything else. Each event id is inserted into {@code stripe_event} in the same transaction as its
 * effect: a redelivery, or a concurrent delivery of the same event, finds the row and changes nothing.
 */
@ApplicationScoped
public class StripeWebhooks {

    static final long TOLERANCE_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class);

    private final StripeConfig config;
    private final PaymentRows rows;
    private final PaymentOutcomes outcomes;
    private final ObjectMapper json;

    StripeWebhooks(StripeConfig config, PaymentRows rows, PaymentOutcomes outcomes, ObjectMapper json) {
        this.config = config;
        this.rows = rows;
        this.outcomes = outcomes;
        this.json = json;
    }

    public void receive(String payload, String signature) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new ApiException(503,
                "payment_unavailable", "Payment unavailable", "Stripe webhooks are not configured"));
        Event event;
        JsonNode object;
        try {
            if (payload == null || signature == null) {
                throw new IllegalArgumentException("missing body or signature");
            }
            event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS);
            object = json.readTree(payload).path("data").path("object");
        } catch (Exception e) {
            throw new ApiException(400, "invalid_signature", "Invalid signature",
                    "The Stripe-Signature header does not match the body, or is too old");
        }
        QuarkusTransaction.requiringNew().run(() -> apply(event.getId(), event.getType(), object));
    }

    private void apply(String eventId, String type, JsonNode object) {
        if (!rows.recordEvent(eventId, type)) {
            LOG.debugf("Stripe event %s already processed", eventId);
            return;
        }
        switch (type) {
            case "checkout.session.completed" -> {
                if ("paid".equals(object.path("payment_status").asText())) {
                    orderId(object).ifPresent(id -> outcomes.paid(id, text(object, "payment_intent")));
                }
            }
            case "checkout.session.async_payment_succeeded" ->
                    orderId(object).ifPresent(id -> outcomes.paid(id, text(object, "payment_intent")));
            case "checkout.session.async_payment_failed" ->
                    orderId(object).ifPresent(id -> outcomes.abandoned(id, "payment failed"));
            case "checkout.session.expired" ->
                    orderId(object).ifPresent(id -> outcomes.abandoned(id, "payment session expired"));
            case "charge.refunded" -> {
                String intent = text(object, "payment_intent");
                if (intent != null) {
                    outcomes.refunded(intent, object.path("amount_refunded").asLong());
                }
            }
            default -> LOG.debugf("Ignoring Stripe event %s of type %s", eventId, type);
        }
    }

    private static Optional<UUID> orderId(JsonNode session) {
        String id = text(session.path("metadata"), "orderId");
        if (id == null) {
            id = text(session, "client_reference_id");
        }
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
