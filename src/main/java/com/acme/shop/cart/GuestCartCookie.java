package com.acme.shop.cart;

import com.acme.shop.platform.CookieSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The guest cart's cookie: an unguessable token (256 bits) whose hash finds the cart. httpOnly so no script
 * can read it; SameSite=Lax so it survives a shopper arriving from a link; site-wide path.
 */
@ApplicationScoped
public class GuestCartCookie {

    public static final String NAME = "cart_token";

    private final CookieSecurity cookieSecurity;
    private final CartConfig config;

    GuestCartCookie(CookieSecurity cookieSecurity, CartConfig config) {
        this.cookieSecurity = cookieSecurity;
        this.config = config;
    }

    public NewCookie issue(String token) {
        return base(token).maxAge((int) config.guestTtl().toSeconds()).build();
    }

    public NewCookie clear() {
        return base("").maxAge(0).expiry(new java.util.Date(0)).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(cookieSecurity.secure())
                .sameSite(NewCookie.SameSite.LAX);
    }
}
