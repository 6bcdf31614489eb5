package com.acme.shop.ordering.dto;

import com.acme.shop.payment.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CheckoutRequest(
        @Schema(description = "Guests only, and required for them; a signed-in customer's order uses the account's email")
        @Size(max = 254, message = "must be at most 254 characters")
        @Pattern(regexp = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$", message = "must be a valid email address") String email,
        @Schema(required = true) @NotNull(message = "must not be null") @Valid ShippingAddressDto shippingAddress,
        @Schema(required = true, enumeration = {"stripe", "manual"}) @NotNull(message = "must not be null") PaymentMethod paymentMethod,
        @Schema(description = "The total the shopper saw; if the server's differs the answer is 409 price_changed")
        @Min(value = 0, message = "must be 0 or more") Long expectedTotalCents) {
}
