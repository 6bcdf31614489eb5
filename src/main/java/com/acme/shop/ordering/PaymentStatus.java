package com.acme.shop.ordering;

import com.acme.shop.platform.WireEnums;

/**
 * Where an order's money stands ({@code payment.status} in the API). Only {@link Order}'s money moves set it:
 * {@code markPaid}, {@code abandonPayment}, the refund methods and the late-payment settlements.
 */
public enum PaymentStatus implements WireEnums.Spelled {
    PENDING, PAID, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    /** The wire and column form: {@code partially_refunded}. */
    public String value() {
        return WireEnums.value(this);
    }

    /** Stored as its {@link #value()}, which the CHECK {@code customer_order_payment_status_known} lists. */
    public static PaymentStatus of(String value) {
        return WireEnums.of(PaymentStatus.class, value);
    }
}
