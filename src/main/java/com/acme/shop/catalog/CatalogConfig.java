package com.acme.shop.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "shop.catalog")
public interface CatalogConfig {

    /**
     * {@code SHOP_CATALOG_MAX_AGE}: how many seconds a browser or CDN may reuse a public catalog read
     * ({@code Cache-Control: public, max-age=N}) before revalidating it with its ETag.
     */
    @WithDefault("30")
    int maxAge();

    /**
     * {@code SHOP_CATALOG_ORIGIN_CACHE}: how long this instance reuses a rendered public catalog read. A change made
     * through this instance drops its copies as it commits; a change made through another instance (or directly in
     * the database) shows here after at most this long. {@code 0s} renders every read from the database.
     */
    @WithDefault("2s")
    Duration originCache();
}
