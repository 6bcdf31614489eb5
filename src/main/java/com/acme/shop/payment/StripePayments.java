package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stripe Checkout. Until Checkout Sessions are wired in (the payments issue), the method is offered only
 * when configured, and checkout refuses it with 503 payment_unavailable otherwise.
 */
@ApplicationScoped
public class StripePayments implements PaymentProvider {

    private final StripeConfig config;

    StripePayments(StripeConfig config) {
        this.config = config;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.STRIPE;
    }

    @Override
    public boolean available() {
        // Sessions are not created yet: see the payments issue.
        return false;
    }

    public boolean configured() {
        return config.secretKey().filter(key -> !key.isBlank()).isPresent();
    }
}
