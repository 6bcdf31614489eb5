package com.acme.shop.identity.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 254, message = "must be at most 254 characters")
        @Pattern(regexp = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$", message = "must be a valid email address")
        String email,
        @NotBlank(message = "must not be blank")
        @Size(min = 8, max = 128, message = "must be between 8 and 128 characters")
        String password,
        @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
        @Size(max = 256, message = "must be at most 256 characters")
        String inviteToken) {
}
