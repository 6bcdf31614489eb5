package com.acme.shop.catalog.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BulkUpdated(@Schema(required = true) int updated) {
}
