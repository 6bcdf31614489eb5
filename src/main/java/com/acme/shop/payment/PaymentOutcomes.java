package com.acme.shop.payment;

import java.util.UUID;

/**
 * What payments mean for orders. Implemented by the ordering module; called by the Stripe webhook inside the
 * transaction that records the event, so an event's effect and its "processed" mark commit together.
 */
public interface PaymentOutcomes {

    /** The money arrived. */
    void paid(UUID orderId, String paymentIntent);

    /** The payment failed or the session expired: an unpaid order is cancelled and its stock returned. */
    void abandoned(UUID orderId, String reason);

    /** Stripe says this much of the payment has been refunded in all. */
    void refunded(String paymentIntent, long amountRefundedCents);
}
