package com.acme.shop.identity;

import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity feature's guarded statements: conditional inserts and single-use token spends, each one statement
 * so that concurrent callers cannot both win. Rows are read by column name. Accounts themselves are entities. The
 * one statement on the checkout path (a guest's invite) is plain JDBC ({@link Sql}), as the checkout path's are.
 */
@ApplicationScoped
class IdentityRows {

    private final EntityManager em;
    private final Sql sql;

    IdentityRows(EntityManager em, Sql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** One native statement: at start-up (the admin seed) it spares Hibernate's HQL parser its first, slow use. */
    boolean accountExists(String email) {
        return (Boolean) em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM app_user WHERE email = ?1)")
                .setParameter(1, email).getSingleResult();
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
    /**
     * An invite for an address that has neither an account nor an invite yet, in one statement. (A guest checkout
     * asked Hibernate to count the accounts first: that HQL count was a fifth of the service's CPU per guest order.)
     */
    boolean insertInviteIfNoAccount(String email, byte[] tokenHash) {
        return sql.update("""
                INSERT INTO guest_invite (email, token_hash)
                SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE email = ?)
                ON CONFLICT (email) DO NOTHING
                """, email, tokenHash, email) == 1;
    }

    /** @return false unless an unused invite with this token, sent after {@code sentAfter}, was sent to this address */
    boolean redeemInvite(byte[] tokenHash, String email, UUID userId, Instant sentAfter) {
        return !em.createNativeQuery("""
                UPDATE guest_invite SET redeemed_at = now(), redeemed_by = ?3
                WHERE token_hash = ?1 AND email = ?2 AND redeemed_at IS NULL AND created_at > ?4 RETURNING email
                """).setParameter(1, tokenHash).setParameter(2, email).setParameter(3, userId)
                .setParameter(4, sentAfter).getResultList().isEmpty();
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

    /** A refresh token spent and replaced in one statement. */
    record Rotated(UUID userId, UUID familyId) {
    }

    /**
     * Spends a live refresh token whose family is younger than its owner's role allows and inserts the next token
     * of the family in the same statement (it carries the family's start over, and expires at the latest when the
     * family does). A concurrent rotation of the same token waits for the row and then finds it revoked, so one
     * token is spent at most once across instances.
     */
    @SuppressWarnings("unchecked")
    Optional<Rotated> rotateRefreshToken(byte[] tokenHash, UUID nextId, byte[] nextHash, Duration ttl,
            Duration customerMaxAge, Duration adminMaxAge) {
        List<Tuple> rotated = em.createNativeQuery("""
                WITH spent AS (
                    UPDATE refresh_token t SET revoked_at = now(), replaced_by = ?2
                    FROM app_user u
                    WHERE t.token_hash = ?1 AND u.id = t.user_id AND t.revoked_at IS NULL AND t.expires_at > now()
                      AND t.family_started_at + CASE WHEN u.role = 'admin' THEN ?6 ELSE ?5 END * interval '1 millisecond' > now()
                    RETURNING t.user_id, t.family_id, t.family_started_at,
                              t.family_started_at + CASE WHEN u.role = 'admin' THEN ?6 ELSE ?5 END * interval '1 millisecond' AS family_ends_at)
                INSERT INTO refresh_token (id, user_id, family_id, token_hash, created_at, expires_at, family_started_at)
                SELECT ?2, user_id, family_id, ?3, now(), least(now() + ?4 * interval '1 millisecond', family_ends_at), family_started_at
                FROM spent
                RETURNING user_id, family_id
                """, Tuple.class).setParameter(1, tokenHash).setParameter(2, nextId).setParameter(3, nextHash)
                .setParameter(4, ttl.toMillis()).setParameter(5, customerMaxAge.toMillis())
                .setParameter(6, adminMaxAge.toMillis()).getResultList();
        return rotated.stream().findFirst()
                .map(row -> new Rotated(row.get("user_id", UUID.class), row.get("family_id", UUID.class)));
    }

    /** Why a refresh token could not be rotated: what the failure is recorded as. */
    record RefreshTokenState(UUID userId, UUID familyId, boolean revoked, boolean rotated, boolean familyEnded) {
    }

    @SuppressWarnings("unchecked")
    Optional<RefreshTokenState> refreshTokenState(byte[] tokenHash, Duration customerMaxAge, Duration adminMaxAge) {
        List<Tuple> found = em.createNativeQuery("""
                SELECT t.user_id, t.family_id, t.revoked_at IS NOT NULL AS revoked, t.replaced_by IS NOT NULL AS rotated,
                       t.family_started_at + CASE WHEN u.role = 'admin' THEN ?3 ELSE ?2 END * interval '1 millisecond' <= now() AS family_ended
                FROM refresh_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ?1
                """, Tuple.class).setParameter(1, tokenHash).setParameter(2, customerMaxAge.toMillis())
                .setParameter(3, adminMaxAge.toMillis()).getResultList();
        return found.stream().findFirst().map(row -> new RefreshTokenState(row.get("user_id", UUID.class),
                row.get("family_id", UUID.class), row.get("revoked", Boolean.class), row.get("rotated", Boolean.class),
                row.get("family_ended", Boolean.class)));
    }

    // --- two-factor sign-in ---------------------------------------------------------------------------

    /** A new pending secret, replacing any earlier pending one; only while two-factor sign-in is off. */
    boolean setPendingTotpSecret(UUID userId, byte[] secret) {
        return em.createNativeQuery(
                "UPDATE app_user SET totp_pending_secret = ?2 WHERE id = ?1 AND totp_secret IS NULL")
                .setParameter(1, userId).setParameter(2, secret).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    Optional<byte[]> pendingTotpSecret(UUID userId) {
        List<byte[]> found = em.createNativeQuery(
                "SELECT totp_pending_secret FROM app_user WHERE id = ?1 AND totp_pending_secret IS NOT NULL")
                .setParameter(1, userId).getResultList();
        return found.stream().findFirst();
    }

    /** Turns two-factor sign-in on with the pending secret the code was checked against, spending its step. */
    boolean enableTotp(UUID userId, byte[] checkedSecret, long step) {
        return em.createNativeQuery("""
                UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                                    totp_enabled_at = now(), totp_last_step = ?3, updated_at = now()
                WHERE id = ?1 AND totp_pending_secret = ?2 AND totp_secret IS NULL
                """).setParameter(1, userId).setParameter(2, checkedSecret).setParameter(3, step).executeUpdate() == 1;
    }

    /**
     * Accepts a code's step for this secret once: only a step later than the last one accepted. Two instances
     * checking the same code at once both try this UPDATE; the second waits for the first and then finds the
     * step no longer greater.
     */
    boolean acceptTotpStep(UUID userId, byte[] checkedSecret, long step) {
        return em.createNativeQuery("""
                UPDATE app_user SET totp_last_step = ?3
                WHERE id = ?1 AND totp_secret = ?2 AND (totp_last_step IS NULL OR totp_last_step < ?3)
                """).setParameter(1, userId).setParameter(2, checkedSecret).setParameter(3, step).executeUpdate() == 1;
    }

    /** @return whether this account had two-factor sign-in (or a pending enrollment) to clear */
    boolean clearTotp(String email) {
        return em.createNativeQuery("""
                UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
                                    totp_last_step = NULL, updated_at = now()
                WHERE email = ?1 AND (totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL)
                """).setParameter(1, email).executeUpdate() == 1;
    }

    // --- retention: one batch each, SKIP LOCKED so instances sweep side by side and never wait on a row in use ---

    /** Refresh tokens past their expiry, or of sessions older than any role's maximum age. Revoked tokens that
     * have not expired stay: presenting one again is how a stolen token is detected. */
    int deleteExpiredRefreshTokens(Instant sessionsStartedBefore, int batch) {
        return em.createNativeQuery("""
                DELETE FROM refresh_token WHERE id IN (
                    SELECT id FROM refresh_token WHERE expires_at <= now() OR family_started_at < ?1
                    LIMIT ?2 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, sessionsStartedBefore).setParameter(2, batch).executeUpdate();
    }

    /** Reset tokens used or past their hour: they can never be spent again. */
    int deleteSpentResetTokens(int batch) {
        return em.createNativeQuery("""
                DELETE FROM password_reset_token WHERE token_hash IN (
                    SELECT token_hash FROM password_reset_token WHERE used_at IS NOT NULL OR expires_at <= now()
                    LIMIT ?1 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, batch).executeUpdate();
    }

    /** Invites redeemed (the address has its account, so no new invite is issued to it) or too old to redeem. */
    int deleteSpentInvites(Instant sentBefore, int batch) {
        return em.createNativeQuery("""
                DELETE FROM guest_invite WHERE email IN (
                    SELECT email FROM guest_invite WHERE redeemed_at IS NOT NULL OR created_at <= ?1
                    LIMIT ?2 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, sentBefore).setParameter(2, batch).executeUpdate();
    }
}
