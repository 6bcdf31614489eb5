package com.acme.shop.identity;

import java.util.UUID;

/** Attaches earlier guest orders to a new account; implemented by the ordering module, which owns orders. */
public interface GuestOrderClaims {

    /** @return how many guest orders placed with {@code email} now belong to {@code userId} */
    int claim(String email, UUID userId);
}
