package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import com.acme.shop.platform.PublicUrls;
import com.acme.shop.notification.MailMessages;
import com.acme.shop.notification.Mails;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.RateLimitedException;
import com.acme.shop.platform.RateLimits;
import com.acme.shop.platform.SecureTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Password reset by emailed link: a 256-bit token stored as SHA-256, valid one hour, single use. Asking always
 * answers the same, whether the address has an account or not.
 */
@ApplicationScoped
public class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(1);
    /** Mails per address per hour, so the form cannot be used to flood someone's inbox. */
    private static final int MAILS_PER_HOUR = 3;

    private final EntityManager em;
    private final Mails mails;
    private final RateLimits rateLimits;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final PublicUrls urls;

    PasswordResets(EntityManager em, Mails mails, RateLimits rateLimits, PasswordHasher hasher,
            RefreshTokens refreshTokens, PublicUrls urls) {
        this.em = em;
        this.mails = mails;
        this.rateLimits = rateLimits;
        this.hasher = hasher;
        this.refreshTokens = refreshTokens;
        this.urls = urls;
    }

    public void request(String email) {
        String normalised = Emails.normalise(email);
        try {
            rateLimits.hit("password-reset-mail", normalised, MAILS_PER_HOUR, Duration.ofHours(1));
        } catch (RateLimitedException quietly) {
            return; // the answer must not tell whether the address exists, nor how often it was asked for
        }
        QuarkusTransaction.requiringNew().run(() -> User.findByEmail(normalised).ifPresent(user -> {
            String token = SecureTokens.newToken();
            em.createNativeQuery("INSERT INTO password_reset_token (token_hash, user_id, expires_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, SecureTokens.hash(token)).setParameter(2, user.id)
                    .setParameter(3, Instant.now().plus(VALIDITY)).executeUpdate();
            mails.passwordReset(user.email, new MailMessages.PasswordReset(user.name,
                    urls.to("/reset-password?token=" + token)));
        }));
    }

    /** Sets the new password, spends the token (and every other open one) and signs out every session. */
    public void confirm(String token, String newPassword) {
        if (!SecureTokens.looksValid(token)) {
            throw invalid();
        }
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> used = em.createNativeQuery("""
                    UPDATE password_reset_token SET used_at = now()
                    WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > now() RETURNING user_id
                    """).setParameter(1, SecureTokens.hash(token)).getResultList();
            if (used.isEmpty()) {
                throw invalid();
            }
            UUID userId = (UUID) used.get(0);
            em.createNativeQuery("UPDATE password_reset_token SET used_at = now() WHERE user_id = ?1 AND used_at IS NULL")
                    .setParameter(1, userId).executeUpdate();
            User.update("passwordHash = ?1, updatedAt = ?2 where id = ?3", hash, Instant.now(), userId);
            refreshTokens.revokeAllOf(userId);
        });
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_token", "Invalid token", "The reset link is unknown, expired or already used");
    }
}
