package com.acme.shop.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordResetRequest(
        @NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters") String email) {
}
