package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One variant of a create or of a whole variant set. */
@Schema(name = "VariantInput")
public record VariantInput(
        @Schema(description = "Variant set only: the variant to update; absent: a new one (or the product's variant "
                + "with this sku)") UUID id,
        @NotNull(message = "must not be null") @Pattern(regexp = ProductRules.SKU, message = ProductRules.SKU_MESSAGE)
        String sku,
        @Schema(description = "Option name -> value, one for each of the product's options; {} or absent without options")
        Map<String, String> options,
        @NotNull(message = "must not be null") @Min(value = 0, message = "must be 0 or more")
        @Max(value = ProductRules.MAX_PRICE_CENTS, message = "is too large") Long priceCents,
        @NotNull(message = "must not be null") @Min(value = 0, message = "must be 0 or more")
        @Max(value = ProductRules.MAX_STOCK, message = "is too large") Integer stock,
        @Schema(description = "Defaults to true; false archives the variant") Boolean active,
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = ProductRules.IMAGE_URL, message = ProductRules.IMAGE_URL_MESSAGE) String imageUrl) {
}
