package com.acme.shop.promotion.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Promotion")
public record PromotionDto(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "As it was entered; matched case-insensitively") String code,
        @Schema(required = true, enumeration = {"percent", "fixed", "free_shipping"}) String type,
        @Schema(required = true, description = "Basis points for percent (1..10000), cents for fixed, 0 for free_shipping") long value,
        @Schema(required = true) long minSubtotalCents,
        @Schema(required = true, nullable = true) Instant startsAt,
        @Schema(required = true, nullable = true) Instant endsAt,
        @Schema(required = true, nullable = true, description = "null: no limit") Integer usageLimit,
        @Schema(required = true, nullable = true, description = "null: no limit") Integer perCustomerLimit,
        @Schema(required = true, description = "Uses held by orders (an order cancelled before payment gives its use back)") int usedCount,
        @Schema(required = true) boolean active,
        @Schema(required = true, description = "Empty: the whole catalog") List<UUID> categoryIds,
        @Schema(required = true) Instant createdAt) {
}
