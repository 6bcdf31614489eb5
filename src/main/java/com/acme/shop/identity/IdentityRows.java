package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity feature's SQL ({@link Sql}): accounts and refresh tokens read and written by column name, and the
 * guarded statements (conditional inserts and single-use token spends), each one statement so that concurrent
 * callers cannot both win.
 */
@ApplicationScoped
class IdentityRows {

    private static final String USER = "SELECT id, email, name, password_hash, role, created_at, updated_at, "
            + "totp_secret FROM app_user ";
    /** A LIKE pattern over the email or the name (the admin list's search). */
    private static final String MATCHES = "(email ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\')";

    private final Sql sql;

    IdentityRows(Sql sql) {
        this.sql = sql;
    }

    // --- accounts ---------------------------------------------------------------------------------------

    Optional<User> user(UUID id) {
        return sql.first(USER + "WHERE id = ?", IdentityRows::user, id);
    }

    /** The account of this email, in any spelling of it. */
    Optional<User> userByEmail(String email) {
        return sql.first(USER + "WHERE email = ?", IdentityRows::user, Emails.normalise(email));
    }

    /** Accounts newest first; {@code pattern} (a LIKE pattern) matches the email or the name, null matches all. */
    List<User> users(String pattern, int offset, int limit) {
        return pattern == null
                ? sql.list(USER + "ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?", IdentityRows::user, offset,
                        limit)
                : sql.list(USER + "WHERE " + MATCHES + " ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?",
                        IdentityRows::user, pattern, pattern, offset, limit);
    }

    long countUsers(String pattern) {
        return pattern == null
                ? sql.first("SELECT count(*) FROM app_user", rs -> rs.getLong(1)).orElseThrow()
                : sql.first("SELECT count(*) FROM app_user WHERE " + MATCHES, rs -> rs.getLong(1), pattern, pattern)
                        .orElseThrow();
    }

    /** A new account; a taken email fails on {@code app_user_email_unique}. */
    void insertUser(User user) {
        sql.update("""
                INSERT INTO app_user (id, email, name, password_hash, role, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, user.id, user.email, user.name, user.passwordHash, user.role.value(), user.createdAt,
                user.updatedAt);
    }

    /** Only over the hash that was checked; false when it changed meanwhile. */
    boolean replacePasswordHash(UUID userId, String checkedHash, String newHash, Instant at) {
        return sql.update("UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ? AND password_hash = ?",
                newHash, at, userId, checkedHash) == 1;
    }

    void setPasswordHash(UUID userId, String hash, Instant at) {
        sql.update("UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?", hash, at, userId);
    }

    private static User user(ResultSet rs) throws SQLException {
        User user = new User();
        user.id = rs.getObject("id", UUID.class);
        user.email = rs.getString("email");
        user.name = rs.getString("name");
        user.passwordHash = rs.getString("password_hash");
        user.role = Role.of(rs.getString("role"));
        user.createdAt = Sql.instant(rs, "created_at");
        user.updatedAt = Sql.instant(rs, "updated_at");
        user.totpSecret = rs.getBytes("totp_secret");
        return user;
    }

    /** At start-up (the admin seed). */
    boolean accountExists(String email) {
        return sql.first("SELECT EXISTS (SELECT 1 FROM app_user WHERE email = ?)", rs -> rs.getBoolean(1), email)
                .orElseThrow();
    }

    /** @return false when an account with this email exists (several instances may seed at once) */
    boolean insertAdminIfAbsent(String email, String name, String passwordHash) {
        return sql.update("""
                INSERT INTO app_user (id, email, name, password_hash, role, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'admin', now(), now())
                ON CONFLICT (email) DO NOTHING
                """, UUID.randomUUID(), email, name, passwordHash) == 1;
    }

    // --- refresh tokens -----------------------------------------------------------------------------------

    /** The first token of a new family (a login or a registration). */
    void insertRefreshToken(UUID id, UUID userId, UUID familyId, byte[] tokenHash, Instant createdAt,
            Instant expiresAt) {
        sql.update("""
                INSERT INTO refresh_token (id, user_id, family_id, token_hash, created_at, family_started_at,
                    expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, id, userId, familyId, tokenHash, createdAt, createdAt, expiresAt);
    }

    Optional<UUID> refreshTokenFamily(byte[] tokenHash) {
        return sql.first("SELECT family_id FROM refresh_token WHERE token_hash = ? LIMIT 1",
                rs -> rs.getObject(1, UUID.class), tokenHash);
    }

    void revokeRefreshTokenFamily(UUID familyId, Instant at) {
        sql.update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL", at, familyId);
    }

    /** Every live token of the user but those of {@code keptFamily} (null: every one). */
    void revokeRefreshTokensOf(UUID userId, UUID keptFamily, Instant at) {
        if (keptFamily == null) {
            sql.update("UPDATE refresh_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", at, userId);
        } else {
            sql.update("UPDATE refresh_token SET revoked_at = ? "
                    + "WHERE user_id = ? AND family_id <> ? AND revoked_at IS NULL", at, userId, keptFamily);
        }
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
        return sql.update("""
                UPDATE guest_invite SET redeemed_at = now(), redeemed_by = ?3
                WHERE token_hash = ?1 AND email = ?2 AND redeemed_at IS NULL AND created_at > ?4
                """, tokenHash, email, userId, sentAfter) > 0;
    }

    void insertResetToken(byte[] tokenHash, UUID userId, Instant expiresAt) {
        sql.update("INSERT INTO password_reset_token (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                tokenHash, userId, expiresAt);
    }

    /** Spends an open, unexpired reset token; answers whose it was. */
    Optional<UUID> spendResetToken(byte[] tokenHash) {
        return sql.first("""
                UPDATE password_reset_token SET used_at = now()
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id
                """, rs -> rs.getObject("user_id", UUID.class), tokenHash);
    }

    void spendAllResetTokens(UUID userId) {
        sql.update("UPDATE password_reset_token SET used_at = now() WHERE user_id = ? AND used_at IS NULL", userId);
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
    Optional<Rotated> rotateRefreshToken(byte[] tokenHash, UUID nextId, byte[] nextHash, Duration ttl,
            Duration customerMaxAge, Duration adminMaxAge) {
        return sql.first("""
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
                """, rs -> new Rotated(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class)),
                tokenHash, nextId, nextHash, ttl.toMillis(), customerMaxAge.toMillis(), adminMaxAge.toMillis());
    }

    /** Why a refresh token could not be rotated: what the failure is recorded as. */
    record RefreshTokenState(UUID userId, UUID familyId, boolean revoked, boolean rotated, boolean familyEnded) {
    }

    Optional<RefreshTokenState> refreshTokenState(byte[] tokenHash, Duration customerMaxAge, Duration adminMaxAge) {
        return sql.first("""
                SELECT t.user_id, t.family_id, t.revoked_at IS NOT NULL AS revoked, t.replaced_by IS NOT NULL AS rotated,
                       t.family_started_at + CASE WHEN u.role = 'admin' THEN ?3 ELSE ?2 END * interval '1 millisecond' <= now() AS family_ended
                FROM refresh_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ?1
                """, rs -> new RefreshTokenState(rs.getObject("user_id", UUID.class),
                rs.getObject("family_id", UUID.class), rs.getBoolean("revoked"), rs.getBoolean("rotated"),
                rs.getBoolean("family_ended")),
                tokenHash, customerMaxAge.toMillis(), adminMaxAge.toMillis());
    }

    // --- two-factor sign-in ---------------------------------------------------------------------------

    /** A new pending secret, replacing any earlier pending one; only while two-factor sign-in is off. */
    boolean setPendingTotpSecret(UUID userId, byte[] secret) {
        return sql.update("UPDATE app_user SET totp_pending_secret = ?2 WHERE id = ?1 AND totp_secret IS NULL",
                userId, secret) == 1;
    }

    Optional<byte[]> pendingTotpSecret(UUID userId) {
        return sql.first("SELECT totp_pending_secret FROM app_user WHERE id = ? AND totp_pending_secret IS NOT NULL",
                rs -> rs.getBytes(1), userId);
    }

    /** Turns two-factor sign-in on with the pending secret the code was checked against, spending its step. */
    boolean enableTotp(UUID userId, byte[] checkedSecret, long step) {
        return sql.update("""
                UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                                    totp_enabled_at = now(), totp_last_step = ?3, updated_at = now()
                WHERE id = ?1 AND totp_pending_secret = ?2 AND totp_secret IS NULL
                """, userId, checkedSecret, step) == 1;
    }

    /**
     * Accepts a code's step for this secret once: only a step later than the last one accepted. Two instances
     * checking the same code at once both try this UPDATE; the second waits for the first and then finds the
     * step no longer greater.
     */
    boolean acceptTotpStep(UUID userId, byte[] checkedSecret, long step) {
        return sql.update("""
                UPDATE app_user SET totp_last_step = ?3
                WHERE id = ?1 AND totp_secret = ?2 AND (totp_last_step IS NULL OR totp_last_step < ?3)
                """, userId, checkedSecret, step) == 1;
    }

    /** Replaces the stored secret with the same secret stored otherwise (sealed), if it is still the one read. */
    boolean replaceTotpSecret(UUID userId, byte[] stored, byte[] replacement) {
        return sql.update("UPDATE app_user SET totp_secret = ?3 WHERE id = ?1 AND totp_secret = ?2",
                userId, stored, replacement) == 1;
    }

    /** @return whether this account had two-factor sign-in (or a pending enrollment) to clear */
    boolean clearTotp(String email) {
        return sql.update("""
                UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
                                    totp_last_step = NULL, updated_at = now()
                WHERE email = ? AND (totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL)
                """, email) == 1;
    }

    // --- retention: one batch each, SKIP LOCKED so instances sweep side by side and never wait on a row in use ---

    /** Refresh tokens past their expiry, or of sessions older than any role's maximum age. Revoked tokens that
     * have not expired stay: presenting one again is how a stolen token is detected. */
    int deleteExpiredRefreshTokens(Instant sessionsStartedBefore, int batch) {
        return sql.update("""
                DELETE FROM refresh_token WHERE id IN (
                    SELECT id FROM refresh_token WHERE expires_at <= now() OR family_started_at < ?
                    LIMIT ? FOR UPDATE SKIP LOCKED)
                """, sessionsStartedBefore, batch);
    }

    /** Reset tokens used or past their hour: they can never be spent again. */
    int deleteSpentResetTokens(int batch) {
        return sql.update("""
                DELETE FROM password_reset_token WHERE token_hash IN (
                    SELECT token_hash FROM password_reset_token WHERE used_at IS NOT NULL OR expires_at <= now()
                    LIMIT ? FOR UPDATE SKIP LOCKED)
                """, batch);
    }

    /** Invites redeemed (the address has its account, so no new invite is issued to it) or too old to redeem. */
    int deleteSpentInvites(Instant sentBefore, int batch) {
        return sql.update("""
                DELETE FROM guest_invite WHERE email IN (
                    SELECT email FROM guest_invite WHERE redeemed_at IS NOT NULL OR created_at <= ?
                    LIMIT ? FOR UPDATE SKIP LOCKED)
                """, sentBefore, batch);
    }
}
