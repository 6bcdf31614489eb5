package com.acme.shop.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

@ConfigMapping(prefix = "shop.rate-limit")
public interface RateLimitConfig {

    /** Failed logins allowed per email in {@link #loginFailureWindow()} before every login for it is refused. */
    @WithDefault("5")
    int loginFailures();

    @WithDefault("15m")
    Duration loginFailureWindow();

    /**
     * Order lookups by number and email that found nothing, allowed per email in {@link #lookupFailureWindow()}
     * before every lookup for that email is refused, from any address.
     */
    @WithDefault("5")
    int lookupFailures();

    @WithDefault("15m")
    Duration lookupFailureWindow();

    /**
     * Discount codes that did not apply, allowed per client address in {@link #promotionFailureWindow()} before
     * every code from that address is refused, right or wrong: codes cannot be guessed faster than this. Unset: no
     * limit (the v1.1 contract limits only auth, lookup and checkout; the deploy manifests set it).
     */
    OptionalInt promotionFailures();

    @WithDefault("15m")
    Duration promotionFailureWindow();

    /** Requests per client IP per minute on each group of sensitive endpoints (auth, lookup, checkout). */
    @WithDefault("60")
    int ipPerMinute();
}
