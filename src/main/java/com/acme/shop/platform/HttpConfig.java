package com.acme.shop.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop.http")
public interface HttpConfig {

    /** Adds Strict-Transport-Security to every response (production, behind TLS). */
    @WithDefault("false")
    boolean hsts();

    /** Marks the session cookies Secure; off only where the service is reached over plain HTTP (dev, test). */
    @WithDefault("true")
    boolean secureCookies();
}
