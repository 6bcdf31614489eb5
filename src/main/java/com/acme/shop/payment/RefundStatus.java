package com.acme.shop.payment;

import com.acme.shop.platform.WireEnums;
import jakarta.persistence.Converter;

/** Where a refund stands, as its provider says ({@code status} of a refund in the API). */
public enum RefundStatus implements WireEnums.Spelled {
    PENDING, SUCCEEDED, FAILED;

    public String value() {
        return WireEnums.value(this);
    }

    /** Stored as its {@link #value()}, which the CHECK {@code refund_status_known} lists. */
    @Converter(autoApply = true)
    public static class Column extends WireEnums.Column<RefundStatus> {
        public Column() {
            super(RefundStatus.class);
        }
    }
}
