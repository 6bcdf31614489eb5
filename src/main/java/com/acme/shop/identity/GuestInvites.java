package com.acme.shop.identity;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Invites to register, one per email address that placed a guest order. Redeeming one at registration (with
 * the same address) attaches that address's guest orders to the new account; without one, none is attached.
 * An invite can be redeemed for {@code shop.auth.invite-max-age} ({@code SHOP_INVITE_MAX_AGE}) after it was sent.
 */
@ApplicationScoped
public class GuestInvites {

    private final IdentityRows rows;
    private final GuestOrderClaims claims;
    private final IdentityConfig config;

    GuestInvites(IdentityRows rows, GuestOrderClaims claims, IdentityConfig config) {
        this.rows = rows;
        this.claims = claims;
        this.config = config;
    }

    /**
     * In the checkout's transaction: a new invite token for this address, or empty when it already has an
     * invite or an account.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<String> issue(String email) {
        String token = SecureTokens.newToken();
        return rows.insertInviteIfNoAccount(email, SecureTokens.hash(token)) ? Optional.of(token) : Optional.empty();
    }

    /** In the registration's transaction; a bad token fails the registration with 400 invalid_token. */
    @Transactional(TxType.MANDATORY)
    void redeem(String token, String email, UUID userId) {
        if (!SecureTokens.looksValid(token)) {
            throw invalid();
        }
        if (!rows.redeemInvite(SecureTokens.hash(token), email, userId, Instant.now().minus(config.inviteMaxAge()))) {
            throw invalid();
        }
        claims.claim(email, userId);
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_token", "Invalid token",
                "The invite is unknown, expired, already used, or for another email address");
    }
}
