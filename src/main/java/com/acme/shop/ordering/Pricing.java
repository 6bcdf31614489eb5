package com.acme.shop.ordering;

import com.acme.shop.cart.CartQuote;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Server-side totals. Integer cents throughout; the one rounding (tax) is half up. The cart quotes its
 * total through the same rule, so what the shopper sees is what checkout charges.
 */
@ApplicationScoped
public class Pricing implements CartQuote {

    private final CheckoutConfig config;

    Pricing(CheckoutConfig config) {
        this.config = config;
    }

    public record Totals(long subtotalCents, long shippingCents, long taxCents, long totalCents) {
    }

    public Totals totals(long subtotalCents) {
        return totals(subtotalCents, 0, false);
    }

    /**
     * With a discount: the free-shipping threshold and tax both look at the discounted subtotal, what the shopper
     * pays for the goods (as Shopify's price-based rates do: a code never buys free shipping by accident); the total
     * is {@code subtotal - discount + shipping + tax}. The discount never exceeds the subtotal (the promotion caps
     * it), so the total is never negative.
     */
    public Totals totals(long subtotalCents, long discountCents, boolean freeShipping) {
        if (discountCents < 0 || discountCents > subtotalCents) {
            throw new IllegalArgumentException("discount " + discountCents + " outside 0.." + subtotalCents);
        }
        long taxed = subtotalCents - discountCents;
        long shipping = freeShipping || taxed >= config.freeShippingThresholdCents() ? 0 : config.flatShippingCents();
        long tax = Math.floorDiv(Math.addExact(Math.multiplyExact(taxed, (long) config.taxRateBasisPoints()), 5_000L), 10_000L);
        return new Totals(subtotalCents, shipping, tax, Math.addExact(Math.addExact(taxed, shipping), tax));
    }

    @Override
    public Quote of(long subtotalCents) {
        return of(subtotalCents, 0, false);
    }

    @Override
    public Quote of(long subtotalCents, long discountCents, boolean freeShipping) {
        Totals totals = totals(subtotalCents, discountCents, freeShipping);
        return new Quote(totals.shippingCents(), totals.taxCents(), totals.totalCents());
    }
}
