package com.acme.shop.cart;

/**
 * What checkout would charge for a cart with this subtotal: shipping, tax and the total, so the cart shows
 * the very total the shopper confirms at checkout ({@code expectedTotalCents}). Implemented by the ordering
 * module, which owns pricing; the cart never prices on its own.
 */
public interface CartQuote {

    record Quote(long shippingCents, long taxCents, long totalCents) {
    }

    Quote of(long subtotalCents);

    /** With a promotion's discount (at most the subtotal) and, for a free-shipping code, no shipping. */
    Quote of(long subtotalCents, long discountCents, boolean freeShipping);
}
