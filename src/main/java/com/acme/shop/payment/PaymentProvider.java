package com.acme.shop.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A way of paying. Checkout asks {@link #available()} before it takes any stock, places the order, then calls
 * {@link #start} once the order has committed; refunds go back through the order's provider. Find one through
 * {@link Payments}.
 */
public interface PaymentProvider {

    PaymentMethod method();

    boolean available();

    /**
     * How long a new unpaid order may hold its stock before its payment has started (then the session's own expiry
     * rules); empty when the order waits for an admin instead.
     */
    Optional<Duration> provisionalHold();

    /** Starts the payment of a committed order, outside any transaction; empty when there is nothing to start. */
    Optional<Session> start(Request request);

    /** Pays {@code amountCents} back; the same {@code idempotencyKey} never refunds twice. */
    Refunded refund(String paymentIntent, long amountCents, String idempotencyKey);

    /** One line of what the shopper pays for, from the order's snapshot. */
    record Item(String name, long unitAmountCents, long quantity) {
    }

    record Request(UUID orderId, String orderNumber, String email, String currency, List<Item> items) {
    }

    /** A started payment: where to send the shopper, and until when it holds the order's stock. */
    record Session(String reference, String redirectUrl, Instant expiresAt) {
    }

    record Refunded(RefundStatus status, String reference) {
    }
}
