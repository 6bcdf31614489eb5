package com.acme.shop.identity;

import com.acme.shop.platform.ApiException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Two-factor secrets at rest. With {@code SHOP_TOTP_KEY} (32 random bytes, base64) a secret is stored sealed:
 * AES-256-GCM under that key, a fresh 96-bit nonce each time, and the account's id as associated data, so a sealed
 * secret copied to another account does not open. A copy of the database alone then cannot mint an admin's codes.
 * Without the key, secrets are stored as they are (production warns at start-up).
 *
 * <p>The stored bytes say which they are: a secret as it is is {@value Totp#SECRET_BYTES} bytes; a sealed one is
 * {@value #SEALED_LENGTH}: a version byte, the nonce, the sealed secret and its 16-byte tag. So a key can be added to
 * a running shop: secrets stored earlier still open, and each is sealed at its account's next two-factor sign-in.
 * Rotating is the same: the new key in {@code SHOP_TOTP_KEY}, the old one in {@code SHOP_TOTP_OLD_KEYS} (GCM's tag
 * tells which key a secret opens with) until every admin has signed in once.
 */
@ApplicationScoped
public class TotpSecrets {

    private static final Logger LOG = Logger.getLogger(TotpSecrets.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int SEALED_LENGTH = 1 + NONCE_BYTES + Totp.SECRET_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKey> key;
    /** The key first, then the old keys: the ones a sealed secret may open with. */
    private final List<SecretKey> openers;

    TotpSecrets(IdentityConfig config) {
        this.key = config.totp().key().map(TotpSecrets::parseKey);
        List<SecretKey> keys = new ArrayList<>();
        key.ifPresent(keys::add);
        config.totp().oldKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).map(TotpSecrets::parseKey)
                .forEach(keys::add);
        this.openers = List.copyOf(keys);
        if (key.isEmpty() && !openers.isEmpty()) {
            throw new IllegalStateException("SHOP_TOTP_OLD_KEYS is set without SHOP_TOTP_KEY");
        }
    }

    private static SecretKey parseKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SHOP_TOTP_KEY (or one of SHOP_TOTP_OLD_KEYS) is not base64 (make one "
                    + "with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SHOP_TOTP_KEY (or one of SHOP_TOTP_OLD_KEYS) must be 32 bytes, base64 "
                    + "(openssl rand -base64 32); it is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    void warnWithoutKey(@Observes StartupEvent ignored) {
        if (key.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("SHOP_TOTP_KEY is not set: admins' two-factor secrets are stored unsealed in the database");
        }
    }

    /**
     * Whether {@code stored} should be stored again through {@link #seal}: stored as it is while a key is configured,
     * or sealed with an old key.
     */
    boolean needsSealing(UUID account, byte[] stored) {
        if (key.isEmpty()) {
            return false;
        }
        if (!isSealed(stored)) {
            return true;
        }
        try {
            openWith(key.get(), account, stored);
            return false;
        } catch (GeneralSecurityException e) {
            return true;
        }
    }

    /** What to store for {@code account}'s secret: sealed with the key, or the secret itself without one. */
    byte[] seal(UUID account, byte[] secret) {
        if (key.isEmpty()) {
            return secret.clone();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(key.get(), Cipher.ENCRYPT_MODE, nonce, account);
            return ByteBuffer.allocate(SEALED_LENGTH).put(VERSION).put(nonce).put(cipher.doFinal(secret)).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a two-factor secret failed", e);
        }
    }

    /**
     * The secret {@code account} stored: opened with the key if it was sealed. A sealed secret with no key (or
     * another key) configured is the operator's mistake, answered 503 rather than a wrong-code 401.
     */
    byte[] open(UUID account, byte[] stored) {
        if (!isSealed(stored)) {
            return stored.clone();
        }
        if (key.isEmpty()) {
            LOG.errorf("account %s has a sealed two-factor secret but SHOP_TOTP_KEY is not set", account);
            throw unavailable();
        }
        for (SecretKey opener : openers) {
            try {
                return openWith(opener, account, stored);
            } catch (GeneralSecurityException e) {
                // not this key (GCM's tag does not match): the next one
            }
        }
        LOG.errorf("account %s has a two-factor secret neither SHOP_TOTP_KEY nor SHOP_TOTP_OLD_KEYS opens", account);
        throw unavailable();
    }

    private static byte[] openWith(SecretKey opener, UUID account, byte[] stored) throws GeneralSecurityException {
        Cipher cipher = cipher(opener, Cipher.DECRYPT_MODE, Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES), account);
        return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
    }

    static boolean isSealed(byte[] stored) {
        return stored.length == SEALED_LENGTH && stored[0] == VERSION;
    }

    private static Cipher cipher(SecretKey with, int mode, byte[] nonce, UUID account) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, with, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(account.getMostSignificantBits())
                .putLong(account.getLeastSignificantBits()).array());
        return cipher;
    }

    private static ApiException unavailable() {
        return new ApiException(503, "service_unavailable", "Service unavailable",
                "Two-factor sign-in cannot be checked right now");
    }
}
