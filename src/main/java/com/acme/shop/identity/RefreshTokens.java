package com.acme.shop.identity;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotating refresh tokens. Each use replaces the token with a new one of the same family; a token used twice
 * means it was stolen (or raced), so the whole family is revoked and both parties must log in again.
 * Callers run these inside their transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    private final IdentityConfig config;

    RefreshTokens(IdentityConfig config) {
        this.config = config;
    }

    /** Starts a new family (a login or a registration) and returns the raw token for the cookie. */
    public String issueNewFamily(UUID userId) {
        return issue(userId, UUID.randomUUID()).raw();
    }

    /** The user whose token this was, after replacing it; every failure is the same {@code invalid_token}. */
    public Rotation rotate(String raw) {
        RefreshToken current = lockByRaw(raw).orElseThrow(RefreshTokens::invalid);
        Instant now = Instant.now();
        if (current.revokedAt != null) {
            revokeFamily(current.familyId, now);
            throw invalid();
        }
        if (!current.expiresAt.isAfter(now)) {
            throw invalid();
        }
        Issued next = issue(current.userId, current.familyId);
        current.revokedAt = now;
        current.replacedBy = next.id();
        return new Rotation(current.userId, next.raw());
    }

    /** Ends the session the token belongs to; unknown or already revoked tokens are ignored. */
    public void revoke(String raw) {
        lockByRaw(raw).ifPresent(token -> revokeFamily(token.familyId, Instant.now()));
    }

    public void revokeAllOf(UUID userId) {
        RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", Instant.now(), userId);
    }

    private Optional<RefreshToken> lockByRaw(String raw) {
        if (!SecureTokens.looksValid(raw)) {
            return Optional.empty();
        }
        return RefreshToken.find("tokenHash", (Object) SecureTokens.hash(raw))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    private void revokeFamily(UUID familyId, Instant now) {
        RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    private Issued issue(UUID userId, UUID familyId) {
        String raw = SecureTokens.newToken();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.userId = userId;
        token.familyId = familyId;
        token.tokenHash = SecureTokens.hash(raw);
        token.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        token.expiresAt = token.createdAt.plus(config.refreshTokenTtl());
        token.persist();
        return new Issued(token.id, raw);
    }

    public long ttlSeconds() {
        return config.refreshTokenTtl().toSeconds();
    }

    private static ApiException invalid() {
        return new ApiException(401, "invalid_token", "Invalid token", "The refresh token is invalid, expired or revoked");
    }

    public record Rotation(UUID userId, String raw) {
    }

    private record Issued(UUID id, String raw) {
    }
}
