package com.acme.shop.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import com.acme.shop.platform.SecureTokens;
import java.util.Base64;

/**
 * bcrypt through Quarkus's Elytron {@link BcryptUtil}. bcrypt reads only the first 72 bytes of its input, and a
 * password may be 128 characters (up to 512 UTF-8 bytes): the password is first reduced to the Base64 of its
 * SHA-256 (44 ASCII bytes), so every character counts and no NUL byte can truncate it.
 */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Checked against when the email is unknown, so that answer takes as long as a wrong password. */
    private final String decoy;

    PasswordHasher(IdentityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash(prepare("decoy-password-for-unknown-accounts"), cost);
    }

    public String hash(String password) {
        return hash(password, cost);
    }

    /** A hash at another cost than the configured one: for tests of {@link #needsRehash}. */
    String hash(String password, int cost) {
        return BcryptUtil.bcryptHash(prepare(password), cost);
    }

    /**
     * Whether a stored hash was made at a lower cost than the configured one (the cost was raised since), so the
     * password, known right after a successful check, should be hashed again. Hashes it cannot read are left alone.
     */
    public boolean needsRehash(String hash) {
        // Modular crypt format: $2a$10$<salt and hash>
        String[] parts = hash.split("\\$");
        if (parts.length < 4) {
            return false;
        }
        try {
            return Integer.parseInt(parts[2]) < cost;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(prepare(password), hash);
    }

    /** Spends the same time as {@link #matches} and always fails. */
    public boolean matchesNothing(String password) {
        BcryptUtil.matches(prepare(password), decoy);
        return false;
    }

    private static String prepare(String password) {
        return Base64.getEncoder().encodeToString(SecureTokens.hash(password));
    }
}
