package com.acme.shop.ordering;

import com.acme.shop.platform.WireEnums;
import jakarta.persistence.Converter;

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
    @Converter(autoApply = true)
    public static class Column extends WireEnums.Column<PaymentStatus> {
        public Column() {
            super(PaymentStatus.class);
        }
    }
}
