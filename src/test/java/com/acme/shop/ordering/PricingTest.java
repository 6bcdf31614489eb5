package com.acme.shop.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.shop.cart.CartQuote;
import org.junit.jupiter.api.Test;

/** Pricing on its own: no Quarkus, no database. */
class PricingTest {

    /** The configuration as {@code @ConfigMapping} would give it. */
    private record Config(long flatShippingCents, long freeShippingThresholdCents, int taxRateBasisPoints)
            implements CheckoutConfig {
        @Override
        public java.time.Duration manualPaymentTimeout() {
            return java.time.Duration.ofHours(72);
        }
    }

    /** $5.00 shipping, free from $50.00, 10 % tax: what the test profile configures. */
    private static final Pricing PRICING = pricing(1000);

    private static Pricing pricing(int taxRateBasisPoints) {
        return new Pricing(new Config(500, 5000, taxRateBasisPoints));
    }

    private static long taxAt(int basisPoints, long subtotalCents) {
        return pricing(basisPoints).totals(subtotalCents).taxCents();
    }

    @Test
    void belowTheThresholdShippingIsFlat() {
        assertEquals(500, PRICING.totals(4999).shippingCents());
        assertEquals(500, PRICING.totals(1).shippingCents());
    }

    @Test
    void freeShippingFromTheThreshold() {
        assertEquals(0, PRICING.totals(5000).shippingCents());
        assertEquals(0, PRICING.totals(123_456).shippingCents());
    }

    @Test
    void theThresholdLooksAtTheDiscountedSubtotal() {
        assertEquals(500, PRICING.totals(5500, 501, false).shippingCents(), "49.99 paid for the goods");
        assertEquals(0, PRICING.totals(5500, 500, false).shippingCents(), "50.00 paid for the goods");
        assertEquals(new Pricing.Totals(5500, 500, 450, 5450), PRICING.totals(5500, 1000, false));
        assertEquals(0, PRICING.totals(1000, 0, true).shippingCents(), "a free-shipping code");
    }

    @Test
    void anEmptySubtotalStillPaysFlatShipping() {
        assertEquals(new Pricing.Totals(0, 500, 0, 500), PRICING.totals(0));
    }

    @Test
    void taxIsTheSubtotalTimesBasisPoints() {
        assertEquals(400, PRICING.totals(4000).taxCents(), "10 % of 40.00");
        assertEquals(825, taxAt(825, 10_000), "8.25 % of 100.00");
        assertEquals(0, taxAt(0, 10_000), "no tax configured");
    }

    @Test
    void taxIsNotChargedOnShipping() {
        assertEquals(100, PRICING.totals(1000).taxCents(), "10 % of the 10.00 subtotal, not of 15.00");
    }

    @Test
    void taxRoundsHalfUpToTheCent() {
        assertEquals(1, taxAt(25, 200), "0.5 cent rounds up");
        assertEquals(0, taxAt(25, 199), "0.4975 cent rounds down");
        assertEquals(83, taxAt(825, 1000), "82.5 cents rounds up");
        assertEquals(82, taxAt(825, 999), "82.4175 cents rounds down");
        assertEquals(400, PRICING.totals(3998).taxCents(), "399.8 cents rounds up");
        assertEquals(0, taxAt(825, 1), "0.0825 cent is no tax");
    }

    @Test
    void theTotalIsSubtotalPlusShippingPlusTax() {
        assertEquals(new Pricing.Totals(3998, 500, 400, 4898), PRICING.totals(3998));
        assertEquals(new Pricing.Totals(6000, 0, 600, 6600), PRICING.totals(6000));
        assertEquals(new Pricing.Totals(1200, 500, 120, 1820), PRICING.totals(1200));
    }

    @Test
    void theCartQuoteIsWhatCheckoutCharges() {
        for (long subtotal : new long[] {0, 1, 999, 4999, 5000, 5001, 3998}) {
            Pricing.Totals totals = PRICING.totals(subtotal);
            assertEquals(new CartQuote.Quote(totals.shippingCents(), totals.taxCents(), totals.totalCents()),
                    PRICING.of(subtotal), "subtotal " + subtotal);
        }
    }

    @Test
    void aSubtotalTooLargeToTaxIsRefusedNotWrappedAround() {
        assertThrows(ArithmeticException.class, () -> PRICING.totals(Long.MAX_VALUE / 100));
    }
}
