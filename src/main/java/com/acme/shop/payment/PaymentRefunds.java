package com.acme.shop.payment;

import com.acme.shop.platform.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Money back through the order's provider. {@code manual} orders are refunded by record (the shop pays back
 * outside the system); Stripe orders through Stripe's Refund API with an idempotency key.
 */
@ApplicationScoped
public class PaymentRefunds {

    private final StripeGateway stripe;

    PaymentRefunds(StripeGateway stripe) {
        this.stripe = stripe;
    }

    public record Result(String status, String reference) {
    }

    public Result refund(String provider, String paymentIntent, long amountCents, String idempotencyKey) {
        if (PaymentMethod.MANUAL.value().equals(provider)) {
            return new Result("succeeded", null);
        }
        if (paymentIntent == null) {
            throw new ApiException(409, "invalid_transition", "Invalid transition",
                    "This Stripe order has no recorded payment to refund");
        }
        StripeGateway.RefundResult refund = stripe.refund(paymentIntent, amountCents, idempotencyKey);
        return new Result(refund.status(), refund.id());
    }
}
