package com.acme.shop.promotion.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PromotionCreate")
public record PromotionCreate(
        @NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = PromotionCreate.CODE, message = PromotionCreate.CODE_MESSAGE)
        String code,
        @NotNull(message = "is required") @Pattern(regexp = TYPE, message = TYPE_MESSAGE)
        @Schema(enumeration = {"percent", "fixed", "free_shipping"}) String type,
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
        @Schema(description = "Basis points for percent (1..10000), cents for fixed (more than 0), 0 for free_shipping")
        Long value,
        @Min(value = 0, message = "must be 0 or more") @Schema(description = "Default 0") Long minSubtotalCents,
        Instant startsAt,
        @Schema(description = "After startsAt") Instant endsAt,
        @Min(value = 0, message = "must be 0 or more") @Max(value = Integer.MAX_VALUE, message = "is too large")
        Integer usageLimit,
        @Min(value = 1, message = "must be 1 or more") Integer perCustomerLimit,
        @Schema(description = "Default true") Boolean active,
        @Size(max = 100, message = "must name at most 100 categories") List<@NotNull(message = "must not be null") UUID> categoryIds) {

    /** Letters, digits, '-' and '_': what a shopper can type and a URL path can carry as it is. */
    public static final String CODE = "[A-Za-z0-9_-]+";
    public static final String CODE_MESSAGE = "may hold only letters, digits, '-' and '_'";
    public static final String TYPE = "percent|fixed|free_shipping";
    public static final String TYPE_MESSAGE = "must be percent, fixed or free_shipping";
}
