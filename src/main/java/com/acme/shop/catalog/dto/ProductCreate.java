package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProductCreate")
public record ProductCreate(
        @NotNull(message = "must not be null") @Pattern(regexp = ProductRules.SKU, message = ProductRules.SKU_MESSAGE)
        String sku,
        @Size(max = 120, message = "must be at most 120 characters")
        @Pattern(regexp = ProductRules.SLUG, message = ProductRules.SLUG_MESSAGE)
        @Schema(description = "Derived from the name when absent")
        String slug,
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Size(max = 5000, message = "must be at most 5000 characters")
        String description,
        @NotNull(message = "must not be null") @Min(value = 0, message = "must be 0 or more")
        @Max(value = ProductRules.MAX_PRICE_CENTS, message = "is too large")
        Long priceCents,
        @NotNull(message = "must not be null") @Min(value = 0, message = "must be 0 or more")
        @Max(value = ProductRules.MAX_STOCK, message = "is too large")
        Integer stock,
        @Schema(description = "Defaults to true")
        Boolean active,
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = ProductRules.IMAGE_URL, message = ProductRules.IMAGE_URL_MESSAGE)
        String imageUrl,
        @Size(max = ProductRules.MAX_CATEGORIES, message = "must have at most " + ProductRules.MAX_CATEGORIES + " ids")
        @Schema(description = "The categories to file it under (single create only; not in bulk calls)")
        List<UUID> categoryIds) {

    /** A v1 product (the CSV import's lines): filed under no category. */
    public ProductCreate(String sku, String slug, String name, String description, Long priceCents, Integer stock,
            Boolean active, String imageUrl) {
        this(sku, slug, name, description, priceCents, stock, active, imageUrl, null);
    }
}
