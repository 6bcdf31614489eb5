package com.acme.shop.payment;

import com.acme.shop.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Stripe Checkout: offered when {@code STRIPE_SECRET_KEY} is configured. */
@ApplicationScoped
public class StripePayments implements PaymentProvider {

    /** Until the session exists, the order's hold outlives a session by this much, so the sweep frees it. */
    private static final Duration PROVISIONAL_MARGIN = Duration.ofMinutes(5);

    private final StripeGateway gateway;
    private final StripeConfig config;

    StripePayments(StripeGateway gateway, StripeConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.STRIPE;
    }

    @Override
    public boolean available() {
        return gateway.configured();
    }

    @Override
    public Optional<Duration> provisionalHold() {
        return Optional.of(sessionLifetime().plus(PROVISIONAL_MARGIN));
    }

    /** A Checkout Session that holds the order's stock for its life; Stripe accepts 30 minutes to 24 hours. */
    @Override
    public Optional<Session> start(Request request) {
        Instant expiresAt = Instant.now().plus(sessionLifetime()).truncatedTo(ChronoUnit.SECONDS);
        StripeGateway.CreatedSession session = gateway.createSession(request, expiresAt);
        return Optional.of(new Session(session.id(), session.url(), expiresAt));
    }

    @Override
    public Refunded refund(String paymentIntent, long amountCents, String idempotencyKey) {
        if (paymentIntent == null) {
            throw new ApiException(409, "invalid_transition", "Invalid transition",
                    "This Stripe order has no recorded payment to refund");
        }
        StripeGateway.RefundResult refund = gateway.refund(paymentIntent, amountCents, idempotencyKey);
        return new Refunded(refund.status(), refund.id());
    }

    private Duration sessionLifetime() {
        return Duration.ofMinutes(Math.max(30, Math.min(24 * 60, config.sessionMinutes())));
    }
}
