package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** Bank transfer, cash on delivery...: the order waits in PENDING_PAYMENT until an admin marks it PAID. */
@ApplicationScoped
public class ManualPayments implements PaymentProvider {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.MANUAL;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<Duration> provisionalHold() {
        return Optional.empty();
    }

    @Override
    public Optional<Session> start(Request request) {
        return Optional.empty();
    }

    /** The shop pays back outside the system; the refund is a record. */
    @Override
    public Refunded refund(String paymentIntent, long amountCents, String idempotencyKey) {
        return new Refunded(RefundStatus.SUCCEEDED, null);
    }
}
