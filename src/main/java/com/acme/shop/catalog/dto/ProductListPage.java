package com.acme.shop.catalog.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the storefront's product list: the v1 page, and with {@code facets=true} the facets of the whole
 * filtered result (absent otherwise, so a v1 answer is byte for byte what it was).
 */
@Schema(name = "ProductListPage")
public record ProductListPage(
        @Schema(required = true) List<ProductDto> items,
        @Schema(required = true) int page,
        @Schema(required = true) int size,
        @Schema(required = true) long totalItems,
        @Schema(required = true) int totalPages,
        @Schema(description = "Only with facets=true: counts over the whole filtered result, not just this page")
        @JsonInclude(JsonInclude.Include.NON_NULL) ProductFacets facets) {
}
