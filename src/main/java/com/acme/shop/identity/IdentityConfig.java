package com.acme.shop.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "shop.auth")
public interface IdentityConfig {

    /** bcrypt work factor; 10 is the floor (OWASP), each step doubles the cost of a login. */
    @WithDefault("10")
    int bcryptCost();

    @WithDefault("15m")
    Duration accessTokenTtl();

    @WithDefault("30d")
    Duration refreshTokenTtl();

    /** A customer's session (a refresh-token family) ends this long after its login, however often it rotates. */
    @WithDefault("30d")
    Duration sessionMaxAge();

    /** An admin's session ends this long after its login ({@code SHOP_ADMIN_SESSION_MAX_AGE}). */
    @WithDefault("12h")
    Duration adminSessionMaxAge();

    /** How long a guest's invite to register can be redeemed; older ones are purged. */
    @WithDefault("90d")
    Duration inviteMaxAge();

    /** Two-factor sign-in (TOTP). */
    TotpConfig totp();

    interface TotpConfig {
        /** Shown by authenticator apps beside the account ({@code SHOP_TOTP_ISSUER}). */
        @WithDefault("Shop")
        String issuer();

        /**
         * Accounts (emails) whose two-factor sign-in is cleared at start-up, for a lost device
         * ({@code SHOP_TOTP_RESET=a@x,b@y}); an operator's recovery path, not an endpoint.
         */
        Optional<List<String>> reset();

        /**
         * 32 random bytes, base64 ({@code SHOP_TOTP_KEY}; {@code openssl rand -base64 32}): two-factor secrets are
         * stored sealed with it ({@link TotpSecrets}). Unset: stored as they are.
         */
        Optional<String> key();

        /**
         * Keys secrets may still be sealed with ({@code SHOP_TOTP_OLD_KEYS}, comma-separated): for rotating
         * {@link #key()}. Each such secret is sealed again with the key at its account's next two-factor sign-in.
         */
        Optional<List<String>> oldKeys();
    }

    /** The admin seeded at start-up when no account has this email ({@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD}). */
    Admin admin();

    interface Admin {
        Optional<String> email();

        Optional<String> password();

        @WithDefault("Administrator")
        String name();
    }
}
