package com.acme.shop.ordering.dto;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderItem")
public record OrderItemDto(
        @Schema(required = true) UUID productId,
        @Schema(required = true) String sku,
        @Schema(required = true) String name,
        @Schema(required = true) long unitPriceCents,
        @Schema(required = true) int quantity,
        @Schema(required = true) long lineTotalCents,
        @Schema(required = true, description = "The line's share of the order's discount") long discountCents,
        @Schema(required = true, description = "The variant bought") UUID variantId,
        @Schema(required = true, description = "The variant's options when it was bought; {} without options")
        Map<String, String> options) {
}
