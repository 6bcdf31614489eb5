package com.acme.shop.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Addresses or CIDR ranges of the proxies in front of the service ({@code SHOP_TRUSTED_PROXIES}); only their
     * {@code X-Forwarded-For} is believed (see {@link ClientAddresses}). A malformed entry stops start-up.
     */
    Optional<List<@WithConverter(AddressRange.Converter.class) AddressRange>> trustedProxies();

    /** The largest request body a route accepts unless {@link #routeMaxBodySize()} names it (see BodyLimits). */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Larger (or smaller) limits by exact path: {@code shop.http.route-max-body-size."/api/v1/admin/products/import"=32M}. */
    Map<String, MemorySize> routeMaxBodySize();

    enum SecureCookies { AUTO, ALWAYS, NEVER }
}
