package com.acme.shop.ordering.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CheckoutResponse(@Schema(required = true) OrderDto order, @Schema(required = true) CheckoutPayment payment) {

    @Schema(name = "CheckoutPayment")
    public record CheckoutPayment(
            @Schema(required = true, enumeration = {"stripe", "manual"}) String provider,
            @Schema(required = true) String status,
            @Schema(required = true, nullable = true, description = "Where to send the shopper to pay (Stripe); null for manual") String redirectUrl) {
    }
}
