package com.acme.shop.cart.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CartPromotionRefused", description = "The code applied to the cart that no longer applies: checkout "
        + "refuses the cart with this problem until the code is removed (DELETE /cart/promotions/{code}) or replaced")
public record CartPromotionRefusedDto(
        @Schema(required = true, description = "The code as it was applied") String code,
        @Schema(required = true, enumeration = {"promotion_invalid", "promotion_exhausted"},
                description = "The problem code checkout would answer") String reason,
        @Schema(required = true, description = "Why, for the shopper (e.g. \"This code has ended\")") String detail) {
}
