package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partial update: an absent (or null) field is left as it is. {@code description} and {@code imageUrl} are
 * cleared with an empty string. In a bulk PATCH each item also names its {@code id}.
 */
@Schema(name = "ProductPatch")
public record ProductPatch(
        @Schema(description = "Bulk PATCH only: the product to change") UUID id,
        @Pattern(regexp = ProductRules.SKU, message = ProductRules.SKU_MESSAGE) String sku,
        @Size(max = 120, message = "must be at most 120 characters")
        @Pattern(regexp = ProductRules.SLUG, message = ProductRules.SLUG_MESSAGE) String slug,
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 5000, message = "must be at most 5000 characters") String description,
        @Min(value = 0, message = "must be 0 or more") @Max(value = ProductRules.MAX_PRICE_CENTS, message = "is too large")
        Long priceCents,
        @Min(value = 0, message = "must be 0 or more") @Max(value = ProductRules.MAX_STOCK, message = "is too large")
        Integer stock,
        Boolean active,
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = "^$|" + ProductRules.IMAGE_URL, message = ProductRules.IMAGE_URL_MESSAGE) String imageUrl,
        @Schema(description = "The version last read; a stale one is refused with 409 version_conflict") Long version,
        @Size(max = 50, message = "must have at most 50 images")
        @Schema(description = "Replaces the images, in display order (not in a bulk PATCH)")
        java.util.List<@jakarta.validation.Valid ImageDto> images,
        @Size(max = ProductRules.MAX_CATEGORIES, message = "must have at most " + ProductRules.MAX_CATEGORIES + " ids")
        @Schema(description = "Replaces the categories it is filed under ([] unfiles it); single PATCH only, not in bulk calls")
        List<UUID> categoryIds) {
}
