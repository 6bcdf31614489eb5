package com.acme.shop.ordering.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrderItem")
public record OrderItemDto(
        @Schema(required = true) UUID productId,
        @Schema(required = true) String sku,
        @Schema(required = true) String name,
        @Schema(required = true) long unitPriceCents,
        @Schema(required = true) int quantity,
        @Schema(required = true) long lineTotalCents) {
}
