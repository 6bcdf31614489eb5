package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product picture; a product's images are in display order. */
@Schema(name = "ProductImage")
public record ImageDto(
        @Schema(required = true) @NotNull(message = "must not be null")
        @Size(max = 2048, message = "must be at most 2048 characters")
        @Pattern(regexp = ProductRules.IMAGE_URL, message = ProductRules.IMAGE_URL_MESSAGE) String url,
        @Schema(required = true, nullable = true) @Size(max = 500, message = "must be at most 500 characters") String alt) {
}
