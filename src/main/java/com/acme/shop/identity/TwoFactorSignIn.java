package com.acme.shop.identity;

import com.acme.shop.identity.dto.TotpEnrollment;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Emails;
import com.acme.shop.platform.SecurityEvents;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238). Enrolling gives a pending secret; a code from
 * it turns two-factor sign-in on; from then on login needs a current code as well as the password. A code is
 * accepted for the current time step and one step either side (clock drift), and only once: its step must be
 * later than the last one accepted, which one guarded UPDATE checks and records. A lost device is an operator's
 * matter: {@code SHOP_TOTP_RESET} clears the named accounts' two-factor sign-in at start-up.
 */
@ApplicationScoped
public class TwoFactorSignIn {

    private static final Logger LOG = Logger.getLogger(TwoFactorSignIn.class);

    private final IdentityRows rows;
    private final IdentityConfig config;
    private final SecurityEvents securityEvents;
    private final TotpSecrets secrets;

    TwoFactorSignIn(IdentityRows rows, IdentityConfig config, SecurityEvents securityEvents, TotpSecrets secrets) {
        this.rows = rows;
        this.config = config;
        this.securityEvents = securityEvents;
        this.secrets = secrets;
    }

    /**
     * A new pending secret (replacing an unconfirmed one). Once two-factor sign-in is on it cannot be replaced
     * this way: a stolen access token must not be enough to move it to the thief's device.
     */
    @Transactional
    public TotpEnrollment enroll(UUID userId) {
        User user = rows.user(userId).orElseThrow(
                () -> new ApiException(401, "unauthorized", "Unauthorized", "The account no longer exists"));
        byte[] secret = Totp.newSecret();
        if (!rows.setPendingTotpSecret(userId, secrets.seal(userId, secret))) {
            throw ApiException.conflict("conflict", "Two-factor sign-in is already on; an operator can reset it");
        }
        return new TotpEnrollment(Totp.base32(secret), Totp.otpauthUri(config.totp().issuer(), user.email, secret));
    }

    /** Turns two-factor sign-in on when the code comes from the pending secret; 400 invalid_token otherwise. */
    @Transactional
    public void confirm(UUID userId, String code) {
        byte[] pending = rows.pendingTotpSecret(userId).orElseThrow(() -> new ApiException(400, "invalid_token",
                "Invalid token", "There is no enrollment to confirm; start one first"));
        long step = Totp.matchingStep(secrets.open(userId, pending), code, Instant.now()).orElseThrow(() -> {
            securityEvents.record(SecurityEvents.Event.MFA_FAILED, "userId", userId, "during", "enrollment");
            return new ApiException(400, "invalid_token", "Invalid token", "The code is not the authenticator's current one");
        });
        if (!rows.enableTotp(userId, pending, step)) {
            throw new ApiException(400, "invalid_token", "Invalid token", "The enrollment changed meanwhile; start again");
        }
        securityEvents.record(SecurityEvents.Event.TOTP_ENABLED, "userId", userId);
    }

    /**
     * In the login's transaction, after the password matched: a user with two-factor sign-in on must bring a
     * current code not used before, or the login is 401 {@code mfa_required} (and stays counted as a failure).
     */
    @Transactional(TxType.MANDATORY)
    void check(User user, String code) {
        if (!user.twoFactorEnabled()) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw mfaRequired();
        }
        var step = Totp.matchingStep(secrets.open(user.id, user.totpSecret), code.trim(), Instant.now());
        if (step.isEmpty()) {
            securityEvents.record(SecurityEvents.Event.MFA_FAILED, "email", user.email, "reason", "wrong_code");
            throw mfaRequired();
        }
        if (!rows.acceptTotpStep(user.id, user.totpSecret, step.getAsLong())) {
            securityEvents.record(SecurityEvents.Event.MFA_FAILED, "email", user.email, "reason", "code_reused");
            throw mfaRequired();
        }
        if (secrets.needsSealing(user.id, user.totpSecret)) {
            // stored before SHOP_TOTP_KEY was set, or with an old key: sealed with the key now, unless an operator
            // reset changed it meanwhile
            rows.replaceTotpSecret(user.id, user.totpSecret, secrets.seal(user.id, secrets.open(user.id, user.totpSecret)));
        }
    }

    /** The operator's recovery path for lost devices ({@code SHOP_TOTP_RESET}); every instance may run it. */
    void resetAtStartup(@Observes StartupEvent ignored) {
        config.totp().reset().ifPresent(emails -> {
            LOG.warnf("SHOP_TOTP_RESET is set: two-factor sign-in is cleared for %d account(s) at every start; "
                    + "remove it once they signed in again", emails.size());
            reset(emails);
        });
    }

    /** Clears the two-factor sign-in of these accounts; answers the ones that had it (or an enrollment). */
    @Transactional
    public List<String> reset(List<String> emails) {
        List<String> cleared = new ArrayList<>();
        for (String email : emails) {
            if (email == null || email.isBlank()) {
                continue;
            }
            String normalised = Emails.normalise(email);
            if (rows.clearTotp(normalised)) {
                cleared.add(normalised);
                securityEvents.record(SecurityEvents.Event.TOTP_RESET, "email", normalised, "by", "SHOP_TOTP_RESET");
            }
        }
        return cleared;
    }

    private static ApiException mfaRequired() {
        return new ApiException(401, "mfa_required", "Two-factor code required",
                "Sign-in needs the current code of your authenticator app (otp)");
    }
}
