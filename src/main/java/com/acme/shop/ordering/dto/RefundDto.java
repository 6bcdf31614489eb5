package com.acme.shop.ordering.dto;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Refund")
public record RefundDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) long amountCents,
        @Schema(required = true, enumeration = {"pending", "succeeded", "failed"}) String status,
        @Schema(nullable = true) String reason,
        boolean restock,
        Instant createdAt) {
}
