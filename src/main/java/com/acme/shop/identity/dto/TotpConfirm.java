package com.acme.shop.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TotpConfirm(
        @NotBlank(message = "must not be blank") @Size(max = 16, message = "must be at most 16 characters") String code) {
}
