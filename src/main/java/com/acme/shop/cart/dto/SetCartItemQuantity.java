package com.acme.shop.cart.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SetCartItemQuantity(
        @Schema(description = "0 removes the line")
        @NotNull(message = "must not be null") @Min(value = 0, message = "must be between 0 and 99")
        @Max(value = 99, message = "must be between 0 and 99") Integer quantity) {
}
