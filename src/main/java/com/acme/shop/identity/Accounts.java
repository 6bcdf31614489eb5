package com.acme.shop.identity;

import com.acme.shop.platform.Emails;
import com.acme.shop.identity.dto.AuthResponse;
import com.acme.shop.identity.dto.LoginRequest;
import com.acme.shop.identity.dto.RegisterRequest;
import com.acme.shop.identity.dto.UserDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.RateLimitConfig;
import com.acme.shop.platform.RateLimitedException;
import com.acme.shop.platform.RateLimits;
import com.acme.shop.platform.SecurityEvents;
import com.acme.shop.platform.Sql;
import com.acme.shop.platform.UniqueViolations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Registration, login, refresh and logout. bcrypt runs outside any transaction: a hash takes tens of
 * milliseconds and must not hold a database connection while it does.
 */
@ApplicationScoped
public class Accounts {

    static final String LOGIN_FAILURES = "login-failures";

    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final RateLimits rateLimits;
    private final RateLimitConfig limits;
    private final GuestInvites invites;
    private final SecurityEvents securityEvents;
    private final IdentityRows rows;
    private final TwoFactorSignIn twoFactor;

    Accounts(PasswordHasher hasher, AccessTokens accessTokens, RefreshTokens refreshTokens, RateLimits rateLimits,
            RateLimitConfig limits, GuestInvites invites, SecurityEvents securityEvents, IdentityRows rows,
            TwoFactorSignIn twoFactor) {
        this.rows = rows;
        this.twoFactor = twoFactor;
        this.invites = invites;
        this.securityEvents = securityEvents;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.rateLimits = rateLimits;
        this.limits = limits;
    }

    public Session register(RegisterRequest request) {
        String email = Emails.normalise(request.email());
        String passwordHash = hasher.hash(request.password());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (rows.accountExists(email)) {
                    throw emailTaken();
                }
                User user = new User();
                user.id = UUID.randomUUID();
                user.email = email;
                user.name = request.name().trim();
                user.passwordHash = passwordHash;
                user.role = Role.CUSTOMER;
                user.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                user.updatedAt = user.createdAt;
                rows.insertUser(user);
                if (request.inviteToken() != null) {
                    invites.redeem(request.inviteToken(), email, user.id);
                }
                return open(user);
            });
        } catch (Sql.Failed e) {
            // Two registrations raced past the count: the unique key decides.
            if (UniqueViolations.violates(e, "app_user_email_unique")) {
                throw emailTaken();
            }
            throw e;
        }
    }

    /**
     * Every attempt is counted against the email before the password is checked, and a complete sign-in (the
     * right password, and the right code when two-factor sign-in is on) takes its count back: so concurrent
     * guesses can never exceed the limit, and once it is reached even the right password is refused until the
     * window passes.
     */
    public Session login(LoginRequest request) {
        String email = Emails.normalise(request.email());
        try {
            rateLimits.hit(LOGIN_FAILURES, email, limits.loginFailures(), limits.loginFailureWindow());
        } catch (RateLimitedException e) {
            securityEvents.record(SecurityEvents.Event.LOGIN_THROTTLED, "email", email);
            throw e;
        }
        Optional<User> found = rows.userByEmail(email);
        boolean matches = found.isPresent()
                ? hasher.matches(request.password(), found.get().passwordHash)
                : hasher.matchesNothing(request.password());
        if (!matches) {
            securityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "email", email,
                    "reason", found.isPresent() ? "wrong_password" : "unknown_email");
            throw new ApiException(401, "invalid_credentials", "Invalid credentials", "Email or password is wrong");
        }
        User user = found.get();
        // The configured cost rose since this hash was made: the password is known now, so hash it again.
        String rehashed = hasher.needsRehash(user.passwordHash) ? hasher.hash(request.password()) : null;
        Session session = QuarkusTransaction.requiringNew().call(() -> {
            twoFactor.check(user, request.otp());
            if (rehashed != null) {
                replacePasswordHash(user.id, user.passwordHash, rehashed);
            }
            return open(user);
        });
        // Only a complete sign-in takes its attempt back: a missing or wrong second factor stays a failure.
        rateLimits.refund(LOGIN_FAILURES, email);
        return session;
    }

    /**
     * A signed-in user changes their password. The current password is checked like a login (it counts against
     * the same failure limit, so a stolen access token cannot be used to guess it); every other session of the
     * user is signed out, and the calling one ({@code sessionId}, when the access token names it) stays.
     */
    public void changePassword(UUID userId, Optional<UUID> sessionId, String currentPassword, String newPassword) {
        User user = rows.user(userId).orElseThrow(
                () -> new ApiException(401, "unauthorized", "Unauthorized", "The account no longer exists"));
        try {
            rateLimits.hit(LOGIN_FAILURES, user.email, limits.loginFailures(), limits.loginFailureWindow());
        } catch (RateLimitedException e) {
            securityEvents.record(SecurityEvents.Event.LOGIN_THROTTLED, "email", user.email, "during", "password_change");
            throw e;
        }
        if (!hasher.matches(currentPassword, user.passwordHash)) {
            securityEvents.record(SecurityEvents.Event.LOGIN_FAILED, "email", user.email,
                    "reason", "wrong_current_password");
            throw new ApiException(400, "invalid_credentials", "Invalid credentials", "The current password is wrong");
        }
        rateLimits.refund(LOGIN_FAILURES, user.email);
        String hash = hasher.hash(newPassword);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!replacePasswordHash(userId, user.passwordHash, hash)) {
                throw ApiException.conflict("conflict", "The password was changed meanwhile; sign in again");
            }
            refreshTokens.revokeAllOfExcept(userId, sessionId);
            rows.spendAllResetTokens(userId);
        });
        securityEvents.record(SecurityEvents.Event.PASSWORD_CHANGED, "userId", userId);
    }

    /** Only over the hash that was checked: a password changed meanwhile (another instance) is never overwritten. */
    private boolean replacePasswordHash(UUID userId, String checkedHash, String newHash) {
        return rows.replacePasswordHash(userId, checkedHash, newHash, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A family whose rotated token is presented again is revoked, and that revocation must commit. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Session refresh(String rawRefreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(rawRefreshToken);
        User user = rows.user(rotation.userId()).orElseThrow(
                () -> new ApiException(401, "invalid_token", "Invalid token", "The account no longer exists"));
        return new Session(user, accessTokens.issue(user, rotation.familyId()), rotation.raw());
    }

    @Transactional
    public void logout(String rawRefreshToken) {
        refreshTokens.revoke(rawRefreshToken);
    }

    public UserDto me(UUID userId) {
        return rows.user(userId).map(UserDto::of).orElseThrow(
                () -> new ApiException(401, "unauthorized", "Unauthorized", "The account no longer exists"));
    }

    private Session open(User user) {
        RefreshTokens.Issued issued = refreshTokens.issueNewFamily(user);
        return new Session(user, accessTokens.issue(user, issued.familyId()), issued.raw());
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email_taken", "An account with this email already exists");
    }

    /** A signed-in session: the body's access token and the cookie's refresh token. */
    public record Session(User user, String accessToken, String refreshToken) {

        public AuthResponse response(long expiresIn) {
            return AuthResponse.bearer(accessToken, expiresIn, UserDto.of(user));
        }
    }
}
