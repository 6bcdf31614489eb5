package com.acme.shop.ordering.dto;

import com.acme.shop.ordering.OrderStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record StatusChangeRequest(
        @NotNull(message = "must not be null") OrderStatus status,
        @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String trackingNumber,
        @Size(max = 1000, message = "must be at most 1000 characters") String note) {
}
