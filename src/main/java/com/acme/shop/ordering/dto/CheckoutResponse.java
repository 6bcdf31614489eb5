package com.acme.shop.ordering.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Written by Jackson into the idempotency record, so registered for reflection with what it holds. */
@RegisterForReflection(targets = {CheckoutResponse.class, CheckoutResponse.CheckoutPayment.class, OrderDto.class,
        OrderItemDto.class, PaymentDto.class, ShippingAddressDto.class})
public record CheckoutResponse(@Schema(required = true) OrderDto order, @Schema(required = true) CheckoutPayment payment) {

    @Schema(name = "CheckoutPayment")
    public record CheckoutPayment(
            @Schema(required = true, enumeration = {"stripe", "manual"}) String provider,
            @Schema(required = true) String status,
            @Schema(required = true, nullable = true, description = "Where to send the shopper to pay (Stripe); null for manual") String redirectUrl) {
    }
}
