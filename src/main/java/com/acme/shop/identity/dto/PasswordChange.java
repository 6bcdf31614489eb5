package com.acme.shop.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordChange(
        @NotBlank(message = "must not be blank") @Size(max = 128, message = "must be at most 128 characters") String currentPassword,
        @NotBlank(message = "must not be blank") @Size(min = 8, max = 128, message = "must be between 8 and 128 characters") String newPassword) {
}
