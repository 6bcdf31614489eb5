package com.acme.shop.payment;

import com.acme.shop.platform.WireEnums;

/** Where a refund stands, as its provider says ({@code status} of a refund in the API). */
public enum RefundStatus implements WireEnums.Spelled {
    PENDING, SUCCEEDED, FAILED;

    public String value() {
        return WireEnums.value(this);
    }

    /** A {@code refund.status}: stored as its {@link #value()}, which the CHECK {@code refund_status_known} lists. */
    public static RefundStatus of(String value) {
        return WireEnums.of(RefundStatus.class, value);
    }
}
