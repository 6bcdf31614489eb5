package com.acme.shop.identity;

import com.acme.shop.platform.CookieSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The refresh token's cookie: httpOnly (no script can read it), SameSite=Strict (no cross-site request
 * carries it), scoped to the auth endpoints, Secure wherever the service is served over TLS.
 */
@ApplicationScoped
public class AuthCookies {

    public static final String REFRESH = "refresh_token";
    static final String PATH = "/api/v1/auth";

    private final CookieSecurity cookieSecurity;
    private final RefreshTokens refreshTokens;

    AuthCookies(CookieSecurity cookieSecurity, RefreshTokens refreshTokens) {
        this.cookieSecurity = cookieSecurity;
        this.refreshTokens = refreshTokens;
    }

    public NewCookie refresh(String raw) {
        return base(raw).maxAge((int) refreshTokens.ttlSeconds()).build();
    }

    public NewCookie clearRefresh() {
        return base("").maxAge(0).expiry(new java.util.Date(0)).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(REFRESH).value(value).path(PATH).httpOnly(true)
                .secure(cookieSecurity.secure()).sameSite(NewCookie.SameSite.STRICT);
    }
}
