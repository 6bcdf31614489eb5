package com.acme.shop.cart.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AddCartItem(
        @NotNull(message = "must not be null") UUID productId,
        @NotNull(message = "must not be null") @Min(value = 1, message = "must be between 1 and 99")
        @Max(value = 99, message = "must be between 1 and 99") Integer quantity,
        @Schema(description = "The variant to buy; required when the product has more than one active variant")
        UUID variantId) {

    public AddCartItem(UUID productId, Integer quantity) {
        this(productId, quantity, null);
    }
}
