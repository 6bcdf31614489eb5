package com.acme.shop.identity;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invites to register, one per email address that placed a guest order. Redeeming one at registration (with
 * the same address) attaches that address's guest orders to the new account; without one, none is attached.
 */
@ApplicationScoped
public class GuestInvites {

    private final EntityManager em;
    private final GuestOrderClaims claims;

    GuestInvites(EntityManager em, GuestOrderClaims claims) {
        this.em = em;
        this.claims = claims;
    }

    /**
     * In the checkout's transaction: a new invite token for this address, or empty when it already has an
     * invite or an account.
     */
    public Optional<String> issue(String email) {
        if (User.count("email", email) > 0) {
            return Optional.empty();
        }
        String token = SecureTokens.newToken();
        int created = em.createNativeQuery(
                "INSERT INTO guest_invite (email, token_hash) VALUES (?1, ?2) ON CONFLICT (email) DO NOTHING")
                .setParameter(1, email).setParameter(2, SecureTokens.hash(token)).executeUpdate();
        return created == 1 ? Optional.of(token) : Optional.empty();
    }

    /** In the registration's transaction; a bad token fails the registration with 400 invalid_token. */
    void redeem(String token, String email, UUID userId) {
        if (!SecureTokens.looksValid(token)) {
            throw invalid();
        }
        List<?> invited = em.createNativeQuery("""
                UPDATE guest_invite SET redeemed_at = now(), redeemed_by = ?3
                WHERE token_hash = ?1 AND email = ?2 AND redeemed_at IS NULL RETURNING email
                """).setParameter(1, SecureTokens.hash(token)).setParameter(2, email).setParameter(3, userId)
                .getResultList();
        if (invited.isEmpty()) {
            throw invalid();
        }
        claims.claim(email, userId);
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_token", "Invalid token",
                "The invite is unknown, already used, or for another email address");
    }
}
