package com.acme.shop.ordering;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop.stats")
public interface StatsConfig {

    /** {@code SHOP_LOW_STOCK_THRESHOLD}: the overview lists active products with this many units or fewer. */
    @WithDefault("5")
    int lowStockThreshold();
}
