package com.acme.shop.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides whether a session cookie gets {@code Secure}. Set on HTTPS (also behind a proxy that terminates TLS
 * and says so in {@code X-Forwarded-Proto}), so browsers never send it over plain HTTP; left off on plain
 * HTTP, where a Secure cookie would never come back at all. A forged header can only make a cookie stricter.
 */
@ApplicationScoped
public class CookieSecurity {

    private final HttpConfig config;
    private final HttpServerRequest request;

    CookieSecurity(HttpConfig config, HttpServerRequest request) {
        this.config = config;
        this.request = request;
    }

    public boolean secure() {
        return switch (config.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        };
    }
}
