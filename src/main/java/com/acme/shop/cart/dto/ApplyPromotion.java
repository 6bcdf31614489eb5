package com.acme.shop.cart.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApplyPromotion")
public record ApplyPromotion(
        @NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most 64 characters") String code) {
}
