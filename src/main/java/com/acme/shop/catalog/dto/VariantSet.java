package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole set of a product's options and variants: what is left out is archived. */
@Schema(name = "VariantSet")
public record VariantSet(
        @Schema(required = true, description = "The product's version last read; a stale one is 409 version_conflict")
        @NotNull(message = "must not be null") Long version,
        @Schema(description = "0 to 3 options; absent: none") @Size(max = 3, message = "must have at most 3 options")
        List<@jakarta.validation.Valid ProductOptionDto> options,
        @Schema(required = true) @NotNull(message = "must not be null")
        @Size(min = 1, max = 1000, message = "must have 1 to 1000 variants") List<VariantInput> variants) {
}
