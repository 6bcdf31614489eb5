package com.acme.shop.cart.dto;

import com.acme.shop.cart.CartQuote;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Cart")
public record CartDto(
        @Schema(required = true, nullable = true, description = "null until the first item is added") UUID id,
        @Schema(required = true) List<CartItemDto> items,
        @Schema(required = true, description = "Units in the cart (the sum of quantities)") int itemCount,
        @Schema(required = true) long subtotalCents,
        @Schema(required = true, nullable = true, description = "The applied code and its discount now; null when none "
                + "is applied or the applied one no longer discounts anything (promotionRefused then says why, and "
                + "checkout refuses the cart)")
        CartPromotionDto promotion,
        @Schema(required = true, nullable = true, description = "The applied code when it no longer discounts anything, "
                + "and why; null otherwise") CartPromotionRefusedDto promotionRefused,
        @Schema(required = true, description = "The promotion's discount (0 without one)") long discountCents,
        @Schema(required = true, description = "What checkout would charge for shipping now (0 for an empty cart)") long shippingCents,
        @Schema(required = true, description = "What checkout would charge for tax now") long taxCents,
        @Schema(required = true, description = "What checkout would charge in all now: send it as expectedTotalCents") long totalCents,
        @Schema(required = true) String currency) {

    /** The applied code's discount now: {@code null} for none. */
    public record Discount(String code, long discountCents, boolean freeShipping) {
    }

    public static CartDto of(UUID id, List<CartItemDto> items, String currency, CartQuote pricing, Discount discount) {
        return of(id, items, currency, pricing, discount, null);
    }

    /** With {@code refused}: the applied code that no longer discounts anything (then {@code discount} is null). */
    public static CartDto of(UUID id, List<CartItemDto> items, String currency, CartQuote pricing, Discount discount,
            CartPromotionRefusedDto refused) {
        int count = 0;
        long subtotal = 0;
        for (CartItemDto item : items) {
            count += item.quantity();
            subtotal = Math.addExact(subtotal, item.lineTotalCents());
        }
        long off = discount == null || items.isEmpty() ? 0 : discount.discountCents();
        CartQuote.Quote quote = items.isEmpty() ? new CartQuote.Quote(0, 0, 0)
                : pricing.of(subtotal, off, discount != null && discount.freeShipping());
        CartPromotionDto promotion = discount == null || items.isEmpty() ? null
                : new CartPromotionDto(discount.code(), off);
        return new CartDto(id, List.copyOf(items), count, subtotal, promotion, items.isEmpty() ? null : refused, off,
                quote.shippingCents(), quote.taxCents(),
                quote.totalCents(), currency);
    }
}
