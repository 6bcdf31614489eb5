package com.acme.shop.catalog.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ImportResult(
        @Schema(required = true) long created,
        @Schema(required = true) long updated,
        @Schema(required = true) boolean dryRun) {
}
