package com.acme.shop.identity;

import java.time.Instant;
import java.util.UUID;

/** An account ({@code app_user}), read and written by {@link IdentityRows}. */
public class User {

    public UUID id;

    public String email;

    public String name;

    public String passwordHash;

    public Role role;

    public Instant createdAt;

    public Instant updatedAt;

    /** Set while two-factor sign-in is on; written only by {@link IdentityRows}' guarded statements. */
    public byte[] totpSecret;

    public boolean twoFactorEnabled() {
        return totpSecret != null;
    }
}
