package com.acme.shop.ordering.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record OrderLookupRequest(
        @NotBlank(message = "must not be blank") @Size(max = 40, message = "must be at most 40 characters") String number,
        @NotBlank(message = "must not be blank") @Size(max = 254, message = "must be at most 254 characters") String email) {
}
