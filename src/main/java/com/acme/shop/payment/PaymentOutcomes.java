package com.acme.shop.payment;

import java.util.UUID;

/**
 * What payments mean for orders. Implemented by the ordering module; called by the Stripe webhook inside the
 * transaction that records the event, so an event's effect and its "processed" mark commit together.
 */
public interface PaymentOutcomes {

    /**
     * A provider says this payment session was paid. Its fields are as the event carried them (null when missing or
     * of the wrong type); the order decides whether they describe its own payment.
     */
    record PaidSession(String sessionId, Long amountTotalCents, String currency, String paymentIntent) {
    }

    /** What a paid event did. Anything but {@link #APPLIED} changed nothing. */
    enum PaidVerdict {
        APPLIED, UNKNOWN_ORDER, WRONG_SESSION, WRONG_AMOUNT, WRONG_CURRENCY;

        public String reason() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The money arrived: applied only when the session is the one started for the order and it charged the order's
     * total in the order's currency.
     */
    PaidVerdict paid(UUID orderId, PaidSession session);

    /** The payment failed or the session expired: an unpaid order is cancelled and its stock returned. */
    void abandoned(UUID orderId, String reason);

    /** Stripe says this much of the payment has been refunded in all. */
    void refunded(String paymentIntent, long amountRefundedCents);
}
