package com.acme.shop.ordering.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RefundRequest(
        @Schema(description = "Defaults to everything not yet refunded") @Min(value = 1, message = "must be 1 or more") Long amountCents,
        @Size(max = 500, message = "must be at most 500 characters") String reason,
        @Schema(description = "Return every line's stock; only with a full refund") Boolean restock) {
}
