package com.acme.shop.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Shop-wide settings. */
@ConfigMapping(prefix = "shop.store")
public interface StoreConfig {

    /** The one store currency, ISO 4217 ({@code SHOP_CURRENCY}). */
    @WithDefault("USD")
    String currency();
}
