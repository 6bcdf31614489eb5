package com.acme.shop.catalog.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Product")
public record ProductDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String sku,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, description = "Price in minor units (cents): the lowest of the active variants") long priceCents,
        @Schema(required = true, example = "USD") String currency,
        @Schema(required = true, description = "The active variants' stock in all") int stock,
        @Schema(required = true) boolean active,
        @Schema(required = true, nullable = true) String imageUrl,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Send it back in a PATCH to refuse stale updates") long version,
        @Schema(required = true, description = "0 to 3 options") List<ProductOptionDto> options,
        @Schema(required = true, description = "At least one; archived ones (active=false) too") List<VariantDto> variants,
        @Schema(required = true, description = "In display order; imageUrl is the first one's url") List<ImageDto> images,
        @Schema(required = true, description = "The categories it is filed under (by name); empty when none")
        List<CategoryRef> categories) {
}
