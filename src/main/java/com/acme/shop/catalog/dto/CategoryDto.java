package com.acme.shop.catalog.dto;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One category as the back office reads and writes it. */
@Schema(name = "Category")
public record CategoryDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        @Schema(required = true, nullable = true, description = "null for a top-level category") UUID parentId,
        @Schema(required = true, description = "Order among its siblings (then by name)") int position,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
