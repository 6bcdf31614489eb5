package com.acme.shop.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProductCreate")
@ProductCreateShape
public record ProductCreate(
        @Pattern(regexp = ProductRules.SKU, message = ProductRules.SKU_MESSAGE)
        @Schema(description = "Required unless variants are given (then it is the first variant's)")
        String sku,
        @Size(max = 120, message = "must be at most 120 characters")
        @Pattern(regexp = ProductRules.SLUG, message = ProductRules.SLUG_MESSAGE)
        @Schema(description = "Derived from the name when absent")
        String slug,
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Size(max = 5000, message = "must be at most 5000 characters")
        String description,
        @Min(value = 0, message = "must be 0 or more")
        @Max(value = ProductRules.MAX_PRICE_CENTS, message = "is too large")
        @Schema(description = "Required unless variants are given")
        Long priceCents,
        @Min(value = 0, message = "must be 0 or more")
        @Max(value = ProductRules.MAX_STOCK, message = "is too large")
        @Schema(description = "Required unless variants are given")
        Integer stock,
        @Schema(description = "Defaults to true")
        Boolean active,
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = ProductRules.IMAGE_URL, message = ProductRules.IMAGE_URL_MESSAGE)
        @Schema(description = "v1: the one image; with images, left out")
        String imageUrl,
        @Size(max = 3, message = "must have at most 3 options")
        @Schema(description = "0 to 3 options (names unique); needs variants")
        List<@Valid ProductOptionDto> options,
        @Size(min = 1, max = 1000, message = "must have 1 to 1000 variants")
        @Schema(description = "The variants; then sku, priceCents and stock are left out")
        List<@Valid VariantInput> variants,
        @Size(max = 50, message = "must have at most 50 images")
        @Schema(description = "Images in display order (imageUrl is the first one's url)")
        List<@Valid ImageDto> images,
        @Size(max = ProductRules.MAX_CATEGORIES, message = "must have at most " + ProductRules.MAX_CATEGORIES + " ids")
        @Schema(description = "The categories to file it under (single create only; not in bulk calls)")
        List<UUID> categoryIds) {

    /** A v1 create (the CSV import's lines): one default variant, filed under no category. */
    public ProductCreate(String sku, String slug, String name, String description, Long priceCents, Integer stock,
            Boolean active, String imageUrl) {
        this(sku, slug, name, description, priceCents, stock, active, imageUrl, null, null, null, null);
    }
}
