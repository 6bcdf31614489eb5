package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Money back through the order's provider. {@code manual} orders are refunded by record (the shop pays back
 * outside the system); Stripe orders go through Stripe's Refund API once payments are wired in.
 */
@ApplicationScoped
public class PaymentRefunds {

    public record Result(String status, String reference) {
    }

    public Result refund(String provider, String paymentIntent, long amountCents, String idempotencyKey) {
        if (PaymentMethod.MANUAL.value().equals(provider)) {
            return new Result("succeeded", null);
        }
        throw new com.acme.shop.platform.ApiException(503, "payment_unavailable", "Payment unavailable",
                "Refunds through " + provider + " are not available");
    }
}
