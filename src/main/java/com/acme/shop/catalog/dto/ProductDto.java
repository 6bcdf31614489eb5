package com.acme.shop.catalog.dto;

import com.acme.shop.catalog.Product;
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
        @Schema(required = true, description = "Price in minor units (cents)") long priceCents,
        @Schema(required = true, example = "USD") String currency,
        @Schema(required = true) int stock,
        @Schema(required = true) boolean active,
        @Schema(required = true, nullable = true) String imageUrl,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Send it back in a PATCH to refuse stale updates") long version,
        @Schema(required = true, description = "The categories it is filed under (by name); empty when none")
        List<CategoryRef> categories) {

    public static ProductDto of(Product p, String currency, List<CategoryRef> categories) {
        return new ProductDto(p.id, p.sku, p.slug, p.name, p.description, p.priceCents, currency, p.stock, p.active,
                p.imageUrl, p.createdAt, p.updatedAt, p.version, List.copyOf(categories));
    }
}
