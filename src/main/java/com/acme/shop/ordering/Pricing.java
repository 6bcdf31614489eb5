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
        long shipping = subtotalCents >= config.freeShippingThresholdCents() ? 0 : config.flatShippingCents();
        long tax = Math.floorDiv(Math.addExact(Math.multiplyExact(subtotalCents, (long) config.taxRateBasisPoints()), 5_000L), 10_000L);
        return new Totals(subtotalCents, shipping, tax, Math.addExact(Math.addExact(subtotalCents, shipping), tax));
    }

    @Override
    public Quote of(long subtotalCents) {
        Totals totals = totals(subtotalCents);
        return new Quote(totals.shippingCents(), totals.taxCents(), totals.totalCents());
    }
}
