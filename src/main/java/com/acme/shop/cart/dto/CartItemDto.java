package com.acme.shop.cart.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CartItem")
public record CartItemDto(
        @Schema(required = true) UUID productId,
        @Schema(required = true) String sku,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        @Schema(required = true, description = "The product's current price") long unitPriceCents,
        @Schema(required = true) int quantity,
        @Schema(required = true) long lineTotalCents,
        @Schema(required = true, description = "Units that can be bought now (0 for an archived product)") int availableStock) {
}
