package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryCreate")
public record CategoryCreate(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        @Size(max = 120, message = "must be at most 120 characters")
        @Pattern(regexp = ProductRules.SLUG, message = ProductRules.SLUG_MESSAGE)
        @Schema(description = "Derived from the name when absent (on a clash with a derived slug -2, -3... is appended)")
        String slug,
        @Schema(description = "The parent category; absent or null for a top-level one")
        UUID parentId,
        @Min(value = 0, message = "must be 0 or more") @Max(value = CategoryPatch.MAX_POSITION, message = "is too large")
        @Schema(description = "Order among its siblings; defaults to after the last one")
        Integer position) {
}
