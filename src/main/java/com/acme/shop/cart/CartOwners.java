package com.acme.shop.cart;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides whose cart a request means. A bearer token makes it the user's (an invalid token is 401, never a
 * silent fall-back to a guest cart); otherwise the guest cart behind the cookie.
 */
@RequestScoped
public class CartOwners {

    private final SecurityIdentity identity;

    CartOwners(SecurityIdentity identity) {
        this.identity = identity;
    }

    public CartOwner of(String guestToken) {
        if (identity.isAnonymous()) {
            return CartOwner.guest(guestToken);
        }
        return CartOwner.user(UUID.fromString(((JsonWebToken) identity.getPrincipal()).getSubject()));
    }
}
