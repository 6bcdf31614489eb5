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
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * TwoFactorSignInTest's tests again, with SHOP_TOTP_KEY set: secrets are stored sealed. And what sealing adds: the
 * database holds no secret, a sealed secret opens only for its own account, and one stored before the key was set
 * keeps working and is sealed at its next sign-in.
 */
@QuarkusTest
@TestProfile(SealedTotpSecretsTest.WithKey.class)
class SealedTotpSecretsTest extends TwoFactorSignInTest {

    /** A test-only key (32 bytes, base64). */
    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.auth.totp.key", "dGVzdC1vbmx5LXRvdHAta2V5LTMyLWJ5dGVzLWxvbmc=");
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

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
