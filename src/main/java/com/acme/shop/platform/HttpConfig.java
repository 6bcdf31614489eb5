package com.acme.shop.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shop.http")
public interface HttpConfig {

    /** Adds Strict-Transport-Security to every response (production, behind TLS). */
    @WithDefault("false")
    boolean hsts();

    /**
     * When session cookies carry {@code Secure}: {@code auto} (the request came over HTTPS, directly or through a
     * TLS-terminating proxy's {@code X-Forwarded-Proto}), {@code always}, or {@code never}.
     */
    @WithDefault("auto")
    SecureCookies secureCookies();

    /**
     * The Content-Security-Policy of every response. Production serves the built UI, which needs nothing but
     * its own origin (product images may come from any HTTPS host); dev mode's Vite injects inline scripts,
     * so dev and test only forbid framing.
     */
    @WithDefault("frame-ancestors 'none'")
    String contentSecurityPolicy();

    enum SecureCookies { AUTO, ALWAYS, NEVER }
}
