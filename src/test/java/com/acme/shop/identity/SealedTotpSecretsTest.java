package com.acme.shop.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * TwoFactorSignInTest's tests again, with SHOP_TOTP_KEY set: secrets are stored sealed. And what sealing adds: the
 * database holds no secret, a sealed secret opens only for its own account, and one stored before the key was set
 * keeps working and is sealed at its next sign-in, as one sealed with an old key (rotation) is sealed again with the key.
 */
@QuarkusTest
@TestProfile(SealedTotpSecretsTest.WithKey.class)
class SealedTotpSecretsTest extends TwoFactorSignInTest {

    /** Test-only keys (32 bytes, base64): the key, and an old one being rotated out. */
    static final String KEY = "dGVzdC1vbmx5LXRvdHAta2V5LTMyLWJ5dGVzLWxvbmc=";
    static final String OLD_KEY = "b2xkLXRlc3Qtb25seS10b3RwLWtleS0zMi1ieXRlcyE=";

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.auth.totp.key", KEY, "shop.auth.totp.old-keys", OLD_KEY);
        }
    }

    /** Seals as TotpSecrets does, with any key: version 1, a 12-byte nonce, AES-256-GCM with the account as AAD. */
    private static byte[] sealWith(String base64Key, UUID account, byte[] secret) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(account.getMostSignificantBits())
                .putLong(account.getLeastSignificantBits()).array());
        return ByteBuffer.allocate(49).put((byte) 1).put(nonce).put(cipher.doFinal(secret)).array();
    }

    private static boolean opensWith(String base64Key, UUID account, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, Arrays.copyOfRange(stored, 1, 13)));
            cipher.updateAAD(ByteBuffer.allocate(16).putLong(account.getMostSignificantBits())
                    .putLong(account.getLeastSignificantBits()).array());
            cipher.doFinal(stored, 13, stored.length - 13);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private byte[] stored(Api.Session admin) {
        return db.value("SELECT totp_secret FROM app_user WHERE id = ?::uuid", admin.userId());
    }

    @Test
    void theDatabaseHoldsTheSecretSealedAndItOpensOnlyForItsAccount() {
        Api.Session admin = newAdmin();
        Enrolled enrolled = enable(admin);
        byte[] stored = stored(admin);
        assertEquals(TotpSecrets.SEALED_LENGTH, stored.length);
        assertFalse(contains(stored, enrolled.secret()), "the secret is not in the stored bytes");
        assertArrayEquals(enrolled.secret(), secrets.open(UUID.fromString(admin.userId()), stored));
        login(admin.email(), Totp.code(enrolled.secret(), enrolled.step() + 1)).then().statusCode(200);

        // Copied onto another admin's row it does not open: 503, not a sign-in.
        Api.Session other = newAdmin();
        db.execute("UPDATE app_user SET totp_secret = ?, totp_enabled_at = now() WHERE id = ?::uuid", stored,
                other.userId());
        login(other.email(), Totp.code(enrolled.secret(), now())).then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("service_unavailable"));
    }

    @Test
    void aSecretStoredBeforeTheKeyWasSetStillWorksAndIsSealedAtTheNextSignIn() {
        Api.Session admin = newAdmin();
        byte[] secret = Totp.newSecret();
        db.execute("UPDATE app_user SET totp_secret = ?, totp_enabled_at = now() WHERE id = ?::uuid", secret,
                admin.userId());
        long step = now();
        login(admin.email(), null).then().statusCode(401).body("code", equalTo("mfa_required"));
        login(admin.email(), Totp.code(secret, step)).then().statusCode(200).body("user.twoFactorEnabled", equalTo(true));
        byte[] stored = stored(admin);
        assertTrue(TotpSecrets.isSealed(stored), "sealed at the sign-in");
        assertArrayEquals(secret, secrets.open(UUID.fromString(admin.userId()), stored));
        // the step spent before sealing stays spent; the next one signs in
        login(admin.email(), Totp.code(secret, step)).then().statusCode(401);
        login(admin.email(), Totp.code(secret, step + 1)).then().statusCode(200);
    }

    @Test
    void rotatingASecretSealedWithAnOldKeyOpensAndIsSealedAgainWithTheKeyAtItsNextSignIn() throws Exception {
        Api.Session admin = newAdmin();
        UUID account = UUID.fromString(admin.userId());
        byte[] secret = Totp.newSecret();
        db.execute("UPDATE app_user SET totp_secret = ?, totp_enabled_at = now() WHERE id = ?::uuid",
                sealWith(OLD_KEY, account, secret), admin.userId());
        long step = now();
        login(admin.email(), Totp.code(secret, step)).then().statusCode(200);
        byte[] stored = stored(admin);
        assertTrue(opensWith(KEY, account, stored), "sealed with the key now");
        assertFalse(opensWith(OLD_KEY, account, stored));
        login(admin.email(), Totp.code(secret, step + 1)).then().statusCode(200);

        // A secret sealed with a key the service does not have: 503, not a sign-in.
        Api.Session other = newAdmin();
        db.execute("UPDATE app_user SET totp_secret = ?, totp_enabled_at = now() WHERE id = ?::uuid",
                sealWith("dW5rbm93bi10ZXN0LW9ubHktdG90cC1rZXktMzJieXQ=", UUID.fromString(other.userId()), secret),
                other.userId());
        login(other.email(), Totp.code(secret, now())).then().statusCode(503).body("code", equalTo("service_unavailable"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
