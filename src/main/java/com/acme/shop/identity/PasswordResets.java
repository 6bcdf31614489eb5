package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import com.acme.shop.platform.PublicUrls;
import com.acme.shop.notification.MailMessages;
import com.acme.shop.notification.Mails;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.RateLimitedException;
import com.acme.shop.platform.RateLimits;
import com.acme.shop.platform.SecureTokens;
import com.acme.shop.platform.SecurityEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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

    private final IdentityRows rows;
    private final Mails mails;
    private final RateLimits rateLimits;
    private final PasswordHasher hasher;
    private final RefreshTokens refreshTokens;
    private final PublicUrls urls;
    private final SecurityEvents securityEvents;

    PasswordResets(IdentityRows rows, Mails mails, RateLimits rateLimits, PasswordHasher hasher,
            RefreshTokens refreshTokens, PublicUrls urls, SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.rows = rows;
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
        boolean sent = QuarkusTransaction.requiringNew().call(() -> rows.userByEmail(normalised).map(user -> {
            String token = SecureTokens.newToken();
            rows.insertResetToken(SecureTokens.hash(token), user.id, Instant.now().plus(VALIDITY));
            mails.passwordReset(user.email, new MailMessages.PasswordReset(user.name,
                    urls.to("/reset-password?token=" + token)));
            return true;
        }).orElse(false));
        securityEvents.record(SecurityEvents.Event.PASSWORD_RESET, "step", "requested", "email", normalised,
                "account", sent);
    }

    /** Sets the new password, spends the token (and every other open one) and signs out every session. */
    public void confirm(String token, String newPassword) {
        if (!SecureTokens.looksValid(token)) {
            throw invalid();
        }
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            UUID userId = rows.spendResetToken(SecureTokens.hash(token)).orElseThrow(PasswordResets::invalid);
            rows.spendAllResetTokens(userId);
            rows.setPasswordHash(userId, hash, Instant.now());
            refreshTokens.revokeAllOf(userId);
            securityEvents.record(SecurityEvents.Event.PASSWORD_RESET, "step", "completed", "userId", userId);
        });
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_token", "Invalid token", "The reset link is unknown, expired or already used");
    }
}
