package com.acme.shop.cart.dto;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CartItem")
public record CartItemDto(
        @Schema(required = true) UUID productId,
        @Schema(required = true, description = "The variant's sku") String sku,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        @Schema(required = true, description = "The variant's current price") long unitPriceCents,
        @Schema(required = true) int quantity,
        @Schema(required = true) long lineTotalCents,
        @Schema(required = true, description = "Units that can be bought now (0 for an archived product or variant)") int availableStock,
        @Schema(required = true, description = "The line's key: PATCH/DELETE /cart/items/{variantId} (or the product id "
                + "for a product with a single variant)") UUID variantId,
        @Schema(required = true, description = "The variant's options; {} for a product without options")
        Map<String, String> options) {
}
