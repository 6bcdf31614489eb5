package com.acme.shop.cart.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record AddCartItem(
        @NotNull(message = "must not be null") UUID productId,
        @NotNull(message = "must not be null") @Min(value = 1, message = "must be between 1 and 99")
        @Max(value = 99, message = "must be between 1 and 99") Integer quantity) {
}
