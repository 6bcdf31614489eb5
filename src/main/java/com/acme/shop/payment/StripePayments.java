package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;

/** Stripe Checkout: offered when {@code STRIPE_SECRET_KEY} is configured. */
@ApplicationScoped
public class StripePayments implements PaymentProvider {

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

    /** How long stock is held for a session; Stripe accepts 30 minutes to 24 hours. */
    public java.time.Duration sessionLifetime() {
        return java.time.Duration.ofMinutes(Math.max(30, Math.min(24 * 60, config.sessionMinutes())));
    }

    public StripeGateway.CreatedSession start(StripeGateway.SessionRequest request) {
        return gateway.createSession(request);
    }
}
