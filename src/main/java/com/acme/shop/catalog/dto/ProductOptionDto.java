package com.acme.shop.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An option of a product (Size, Colour) and its values, in display order. */
@Schema(name = "ProductOption")
public record ProductOptionDto(
        @Schema(required = true) @NotBlank(message = "must not be blank") @Size(max = 50, message = "must be at most 50 characters")
        String name,
        @Schema(required = true) @NotNull(message = "must not be null") @Size(min = 1, max = 100, message = "must have 1 to 100 values")
        List<@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String> values) {
}
