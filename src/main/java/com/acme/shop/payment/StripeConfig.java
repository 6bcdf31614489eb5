package com.acme.shop.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "shop.stripe")
public interface StripeConfig {

    /** {@code STRIPE_SECRET_KEY}; without it the stripe method answers 503 payment_unavailable. */
    Optional<String> secretKey();

    /** {@code STRIPE_WEBHOOK_SECRET}. */
    Optional<String> webhookSecret();

    /** {@code STRIPE_API_BASE}: tests point it at a local stub. */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    @WithDefault("30")
    int sessionMinutes();
}
