package com.acme.shop.ordering;

import jakarta.enterprise.context.ApplicationScoped;

/** Server-side totals. Integer cents throughout; the one rounding (tax) is half up. */
@ApplicationScoped
public class Pricing {

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
}
