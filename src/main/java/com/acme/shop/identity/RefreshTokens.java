package com.acme.shop.identity;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotating refresh tokens. Each use replaces the token with a new one of the same family; a token used twice
 * means it was stolen (or raced), so the whole family is revoked and both parties must log in again. A family
 * (a session) ends {@code shop.auth.session-max-age} after its login, {@code admin-session-max-age} for an
 * admin, however often it rotates. Callers run these inside their transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    private final IdentityConfig config;
    private final IdentityRows rows;
    private final SecurityEvents securityEvents;

    RefreshTokens(IdentityConfig config, IdentityRows rows, SecurityEvents securityEvents) {
        this.config = config;
        this.rows = rows;
        this.securityEvents = securityEvents;
    }

    /** Starts a new family (a login or a registration) and returns the raw token for the cookie. */
    public Issued issueNewFamily(User user) {
        String raw = SecureTokens.newToken();
        UUID familyId = UUID.randomUUID();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Duration life = config.refreshTokenTtl().compareTo(maxAge(user.role)) < 0 ? config.refreshTokenTtl() : maxAge(user.role);
        rows.insertRefreshToken(UUID.randomUUID(), user.id, familyId, SecureTokens.hash(raw), createdAt,
                createdAt.plus(life));
        return new Issued(familyId, raw);
    }

    /**
     * Replaces the token with the next of its family and answers whose it was. The one statement that spends it
     * also checks its family's age, so no rotation can outlive the session. Every failure is the same
     * {@code invalid_token}; why it failed decides only what is recorded.
     */
    public Rotation rotate(String raw) {
        if (!SecureTokens.looksValid(raw)) {
            throw invalid();
        }
        byte[] hash = SecureTokens.hash(raw);
        String next = SecureTokens.newToken();
        Optional<IdentityRows.Rotated> rotated = rows.rotateRefreshToken(hash, UUID.randomUUID(),
                SecureTokens.hash(next), config.refreshTokenTtl(), config.sessionMaxAge(), config.adminSessionMaxAge());
        if (rotated.isPresent()) {
            return new Rotation(rotated.get().userId(), rotated.get().familyId(), next);
        }
        rows.refreshTokenState(hash, config.sessionMaxAge(), config.adminSessionMaxAge()).ifPresent(state -> {
            if (state.revoked()) {
                revokeFamily(state.familyId(), Instant.now());
                if (state.rotated()) {
                    securityEvents.record(SecurityEvents.Event.REFRESH_TOKEN_REUSE, "userId", state.userId());
                }
            } else if (state.familyEnded()) {
                revokeFamily(state.familyId(), Instant.now());
                securityEvents.record(SecurityEvents.Event.SESSION_EXPIRED, "userId", state.userId());
            }
        });
        throw invalid();
    }

    /** Ends the session the token belongs to; unknown or already revoked tokens are ignored. */
    public void revoke(String raw) {
        if (!SecureTokens.looksValid(raw)) {
            return;
        }
        rows.refreshTokenFamily(SecureTokens.hash(raw)).ifPresent(familyId -> revokeFamily(familyId, Instant.now()));
    }

    public void revokeAllOf(UUID userId) {
        rows.revokeRefreshTokensOf(userId, null, Instant.now());
    }

    /** Every session of the user but one (the caller's, when it is known). */
    public void revokeAllOfExcept(UUID userId, Optional<UUID> keptFamily) {
        if (keptFamily.isEmpty()) {
            revokeAllOf(userId);
            return;
        }
        rows.revokeRefreshTokensOf(userId, keptFamily.get(), Instant.now());
    }

    private void revokeFamily(UUID familyId, Instant now) {
        rows.revokeRefreshTokenFamily(familyId, now);
    }

    private Duration maxAge(Role role) {
        return role == Role.ADMIN ? config.adminSessionMaxAge() : config.sessionMaxAge();
    }

    public long ttlSeconds() {
        return config.refreshTokenTtl().toSeconds();
    }

    private static ApiException invalid() {
        return new ApiException(401, "invalid_token", "Invalid token", "The refresh token is invalid, expired or revoked");
    }

    public record Rotation(UUID userId, UUID familyId, String raw) {
    }

    public record Issued(UUID familyId, String raw) {
    }
}
