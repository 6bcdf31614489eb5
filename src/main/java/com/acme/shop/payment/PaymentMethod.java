package com.acme.shop.payment;

import com.acme.shop.platform.WireEnums;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

public enum PaymentMethod implements WireEnums.Spelled {
    @JsonProperty("stripe")
    STRIPE,
    @JsonProperty("manual")
    MANUAL;

    @JsonValue
    public String value() {
        return WireEnums.value(this);
    }

    @Override
    public String toString() {
        return value();
    }

    /** An order's {@code payment_provider} column: {@code stripe} or {@code manual}. */
    public static PaymentMethod of(String value) {
        return WireEnums.of(PaymentMethod.class, value);
    }
}
