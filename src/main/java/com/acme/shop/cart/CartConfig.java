package com.acme.shop.cart;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "shop.cart")
public interface CartConfig {

    /** Guest carts untouched for this long are purged (and their cookie expires with them). */
    @WithDefault("30d")
    Duration guestTtl();
}
