package com.acme.shop.platform;

import io.smallrye.config.ConfigMapping;

/**
 * The storefront's public origin ({@code PUBLIC_BASE_URL}), read once: links in mails and Stripe's return URLs
 * are built here and nowhere else.
 */
@ConfigMapping(prefix = "shop.public")
public interface PublicUrls {

    String baseUrl();

    /** {@code path} (starting with '/') under the public origin, whatever trailing slashes the setting has. */
    default String to(String path) {
        return baseUrl().replaceAll("/+$", "") + path;
    }
}
