package com.acme.shop.catalog.dto;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category in the public tree, with its children in display order. */
@Schema(name = "CategoryNode")
public record CategoryNode(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        @Schema(required = true, description = "Sub-categories in display order; empty for a leaf") List<CategoryNode> children) {
}
