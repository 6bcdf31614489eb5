package com.acme.shop.catalog.dto;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BulkCreated(
        @Schema(required = true) int created,
        @Schema(required = true, description = "The new products' ids, in the order of the request") List<UUID> ids) {
}
