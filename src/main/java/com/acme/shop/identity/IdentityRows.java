package com.acme.shop.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity feature's guarded statements: conditional inserts and single-use token spends, each one statement
 * so that concurrent callers cannot both win. Rows are read by column name. Accounts themselves are entities.
 */
@ApplicationScoped
class IdentityRows {

    private final EntityManager em;

    IdentityRows(EntityManager em) {
        this.em = em;
    }

    /** @return false when an account with this email exists (several instances may seed at once) */
    boolean insertAdminIfAbsent(String email, String name, String passwordHash) {
        return em.createNativeQuery("""
                INSERT INTO app_user (id, email, name, password_hash, role, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, 'admin', now(), now())
                ON CONFLICT (email) DO NOTHING
                """).setParameter(1, UUID.randomUUID()).setParameter(2, email).setParameter(3, name)
                .setParameter(4, passwordHash).executeUpdate() == 1;
    }

    /** @return false when this address already has an invite */
    boolean insertInviteIfAbsent(String email, byte[] tokenHash) {
        return em.createNativeQuery(
                "INSERT INTO guest_invite (email, token_hash) VALUES (?1, ?2) ON CONFLICT (email) DO NOTHING")
                .setParameter(1, email).setParameter(2, tokenHash).executeUpdate() == 1;
    }

    /** @return false unless an unused invite with this token was sent to this address */
    boolean redeemInvite(byte[] tokenHash, String email, UUID userId) {
        return !em.createNativeQuery("""
                UPDATE guest_invite SET redeemed_at = now(), redeemed_by = ?3
                WHERE token_hash = ?1 AND email = ?2 AND redeemed_at IS NULL RETURNING email
                """).setParameter(1, tokenHash).setParameter(2, email).setParameter(3, userId).getResultList().isEmpty();
    }

    void insertResetToken(byte[] tokenHash, UUID userId, Instant expiresAt) {
        em.createNativeQuery("INSERT INTO password_reset_token (token_hash, user_id, expires_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, tokenHash).setParameter(2, userId).setParameter(3, expiresAt).executeUpdate();
    }

    /** Spends an open, unexpired reset token; answers whose it was. */
    @SuppressWarnings("unchecked")
    Optional<UUID> spendResetToken(byte[] tokenHash) {
        List<Tuple> spent = em.createNativeQuery("""
                UPDATE password_reset_token SET used_at = now()
                WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > now() RETURNING user_id
                """, Tuple.class).setParameter(1, tokenHash).getResultList();
        return spent.stream().findFirst().map(row -> row.get("user_id", UUID.class));
    }

    void spendAllResetTokens(UUID userId) {
        em.createNativeQuery("UPDATE password_reset_token SET used_at = now() WHERE user_id = ?1 AND used_at IS NULL")
                .setParameter(1, userId).executeUpdate();
    }
}
