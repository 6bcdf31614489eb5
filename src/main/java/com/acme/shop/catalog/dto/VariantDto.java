package com.acme.shop.catalog.dto;

import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is actually sold: one combination of the product's option values, with its own sku, price and stock. */
@Schema(name = "Variant")
public record VariantDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String sku,
        @Schema(required = true, description = "Option name -> value; {} for a product without options")
        Map<String, String> options,
        @Schema(required = true) long priceCents,
        @Schema(required = true) int stock,
        @Schema(required = true, description = "false: archived (never deleted; orders keep it)") boolean active,
        @Schema(required = true, nullable = true) String imageUrl) {
}
