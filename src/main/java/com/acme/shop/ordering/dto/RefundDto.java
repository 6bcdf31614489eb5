package com.acme.shop.ordering.dto;

import com.acme.shop.ordering.Refund;
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

    public static RefundDto of(Refund r) {
        return new RefundDto(r.id, r.amountCents, r.status.value(), r.reason, r.restock, r.createdAt);
    }
}
