package com.acme.shop.cart.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CartPromotion")
public record CartPromotionDto(
        @Schema(required = true, description = "The code as the promotion spells it") String code,
        @Schema(required = true, description = "Its discount on the cart now (0 for a free-shipping code)") long discountCents) {
}
