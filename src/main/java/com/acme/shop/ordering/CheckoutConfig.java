package com.acme.shop.ordering;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "shop.checkout")
public interface CheckoutConfig {

    long flatShippingCents();

    /** Orders whose subtotal reaches this ship free. */
    long freeShippingThresholdCents();

    /** Tax on the subtotal, in basis points (825 = 8.25 %), rounded half up to the cent. */
    int taxRateBasisPoints();

    /** An unpaid {@code manual} order is cancelled, and its stock returned, this long after it was placed. */
    Duration manualPaymentTimeout();
}
