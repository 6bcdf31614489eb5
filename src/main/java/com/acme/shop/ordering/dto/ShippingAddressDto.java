package com.acme.shop.ordering.dto;

import com.acme.shop.ordering.ShippingAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShippingAddress")
public record ShippingAddressDto(
        @Schema(required = true) @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String fullName,
        @Schema(required = true) @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String line1,
        @Schema(required = true, nullable = true) @Size(max = 200, message = "must be at most 200 characters") String line2,
        @Schema(required = true) @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String city,
        @Schema(required = true, nullable = true) @Size(max = 100, message = "must be at most 100 characters") String region,
        @Schema(required = true) @NotBlank(message = "must not be blank") @Size(max = 20, message = "must be at most 20 characters") String postalCode,
        @Schema(required = true, description = "ISO 3166-1 alpha-2", example = "US")
        @NotBlank(message = "must not be blank") @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 code of two letters") String country,
        @Schema(required = true, nullable = true) @Size(max = 40, message = "must be at most 40 characters")
        @Pattern(regexp = "^[0-9+()./ -]*$", message = "must be a phone number") String phone) {

    public ShippingAddress toSnapshot() {
        ShippingAddress address = new ShippingAddress();
        address.fullName = fullName.trim();
        address.line1 = line1.trim();
        address.line2 = blankToNull(line2);
        address.city = city.trim();
        address.region = blankToNull(region);
        address.postalCode = postalCode.trim();
        address.country = country.toUpperCase(java.util.Locale.ROOT);
        address.phone = blankToNull(phone);
        return address;
    }

    public static ShippingAddressDto of(ShippingAddress a) {
        return new ShippingAddressDto(a.fullName, a.line1, a.line2, a.city, a.region, a.postalCode, a.country, a.phone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
