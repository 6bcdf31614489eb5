package com.acme.shop.cart;

import java.util.UUID;

/** Whose cart a request means: a signed-in user's, or the guest cart behind a cookie (possibly none yet). */
public record CartOwner(UUID userId, String guestToken) {

    public static CartOwner user(UUID userId) {
        return new CartOwner(userId, null);
    }

    public static CartOwner guest(String token) {
        return new CartOwner(null, token);
    }

    public boolean isGuest() {
        return userId == null;
    }
}
