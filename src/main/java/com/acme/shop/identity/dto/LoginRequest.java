package com.acme.shop.identity.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LoginRequest(
        @NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "must not be blank") @Size(max = 128, message = "must be at most 128 characters") String password,
        @Schema(description = "The current code of the authenticator app, once two-factor sign-in is on")
        @Size(max = 16, message = "must be at most 16 characters") String otp) {
}
