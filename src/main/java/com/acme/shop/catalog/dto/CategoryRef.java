package com.acme.shop.catalog.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as a product shows it. */
@Schema(name = "CategoryRef")
public record CategoryRef(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String name) {
}
