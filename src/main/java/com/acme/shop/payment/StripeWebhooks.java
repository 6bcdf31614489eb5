package com.acme.shop.payment;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.SecurityEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
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
 *
 * <p>A valid signature proves the event comes from Stripe, not that it says what its type promises: the body is
 * read field by field, and an event without what it needs (no {@code data.object}, no order, fields missing or of
 * the wrong type) is acknowledged and ignored, so Stripe stops retrying something that can never apply. A paid
 * event applies only to the session started for its order, for the order's total and currency (see
 * {@link PaymentOutcomes#paid}); any other is a security event.
 */
@ApplicationScoped
public class StripeWebhooks {

    static final long TOLERANCE_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class);

    private final StripeConfig config;
    private final PaymentRows rows;
    private final PaymentOutcomes outcomes;
    private final ObjectMapper json;
    private final SecurityEvents security;

    StripeWebhooks(StripeConfig config, PaymentRows rows, PaymentOutcomes outcomes, ObjectMapper json,
            SecurityEvents security) {
        this.config = config;
        this.rows = rows;
        this.outcomes = outcomes;
        this.json = json;
        this.security = security;
    }

    public void receive(String payload, String signature) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new ApiException(503,
                "payment_unavailable", "Payment unavailable", "Stripe webhooks are not configured"));
        verify(payload, signature, secret);
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (IOException e) {
            throw new ApiException(400, "validation_failed", "Validation failed", "The body is not a JSON event");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode object = event == null ? null : event.path("data").path("object");
        if (id == null || type == null || object == null || !object.isObject()) {
            LOG.warnf("Ignoring a signed Stripe event without an id, a type or data.object (id %s, type %s)", id, type);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> apply(id, type, object));
    }

    private void verify(String payload, String signature, String secret) {
        try {
            if (payload == null || signature == null) {
                throw new SignatureVerificationException("missing body or signature", signature);
            }
            Webhook.Signature.verifyHeader(payload, signature, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            security.record(SecurityEvents.Event.WEBHOOK_BAD_SIGNATURE, "provider", "stripe",
                    "reason", signature == null ? "missing" : "mismatch or too old");
            throw new ApiException(400, "invalid_signature", "Invalid signature",
                    "The Stripe-Signature header does not match the body, or is too old");
        }
    }

    private void apply(String eventId, String type, JsonNode object) {
        if (!rows.recordEvent(eventId, type)) {
            LOG.debugf("Stripe event %s already processed", eventId);
            return;
        }
        switch (type) {
            case "checkout.session.completed" -> {
                if ("paid".equals(text(object, "payment_status"))) {
                    paid(eventId, object);
                }
            }
            case "checkout.session.async_payment_succeeded" -> paid(eventId, object);
            case "checkout.session.async_payment_failed" -> orderId(eventId, object)
                    .ifPresent(id -> outcomes.abandoned(id, "payment failed"));
            case "checkout.session.expired" -> orderId(eventId, object)
                    .ifPresent(id -> outcomes.abandoned(id, "payment session expired"));
            case "charge.refunded" -> {
                String intent = text(object, "payment_intent");
                Long refunded = cents(object, "amount_refunded");
                if (intent == null || refunded == null) {
                    LOG.warnf("Ignoring charge.refunded event %s without payment_intent or amount_refunded", eventId);
                } else {
                    outcomes.refunded(intent, refunded);
                }
            }
            default -> LOG.debugf("Ignoring Stripe event %s of type %s", eventId, type);
        }
    }

    private void paid(String eventId, JsonNode session) {
        Optional<UUID> order = orderId(eventId, session);
        if (order.isEmpty()) {
            return;
        }
        PaymentOutcomes.PaidVerdict verdict = outcomes.paid(order.get(), new PaymentOutcomes.PaidSession(
                text(session, "id"), cents(session, "amount_total"), text(session, "currency"),
                text(session, "payment_intent")));
        if (verdict == PaymentOutcomes.PaidVerdict.UNKNOWN_ORDER) {
            LOG.warnf("Ignoring Stripe event %s: it pays order %s, which does not exist", eventId, order.get());
        } else if (verdict != PaymentOutcomes.PaidVerdict.APPLIED) {
            security.record(SecurityEvents.Event.PAID_EVENT_REJECTED, "provider", "stripe", "eventId", eventId,
                    "orderId", order.get(), "reason", verdict.reason());
        }
    }

    private static Optional<UUID> orderId(String eventId, JsonNode session) {
        String id = text(session.path("metadata"), "orderId");
        if (id == null) {
            id = text(session, "client_reference_id");
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Ignoring Stripe event %s: it names no order", eventId);
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.path(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** An amount in minor units: a whole non-negative JSON number that fits a long, else null. */
    private static Long cents(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : null;
    }
}
