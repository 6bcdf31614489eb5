package com.acme.shop.ordering.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderPayment")
public record PaymentDto(
        @Schema(required = true, enumeration = {"stripe", "manual"}) String provider,
        @Schema(required = true, enumeration = {"pending", "paid", "failed", "refunded", "partially_refunded"}) String status) {
}
