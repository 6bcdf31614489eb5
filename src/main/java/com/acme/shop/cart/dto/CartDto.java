package com.acme.shop.cart.dto;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Cart")
public record CartDto(
        @Schema(required = true, nullable = true, description = "null until the first item is added") UUID id,
        @Schema(required = true) List<CartItemDto> items,
        @Schema(required = true, description = "Units in the cart (the sum of quantities)") int itemCount,
        @Schema(required = true) long subtotalCents,
        @Schema(required = true) String currency) {

    public static CartDto of(UUID id, List<CartItemDto> items, String currency) {
        int count = 0;
        long subtotal = 0;
        for (CartItemDto item : items) {
            count += item.quantity();
            subtotal = Math.addExact(subtotal, item.lineTotalCents());
        }
        return new CartDto(id, List.copyOf(items), count, subtotal, currency);
    }
}
