package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without SHOP_TOTP_KEY (the default); SealedTotpSecretsTest runs these again with one. */
@QuarkusTest
class TwoFactorSignInTest {

    @Inject
    Db db;

    @Inject
    TwoFactorSignIn twoFactor;

    @Inject
    TotpSecrets secrets;

    /** A fresh admin (a new account promoted in the database: the seeded admin stays without two-factor). */
    Api.Session newAdmin() {
        Api.Session customer = Api.newCustomer();
        db.execute("UPDATE app_user SET role = 'admin' WHERE id = ?::uuid", customer.userId());
        Response login = login(customer.email(), null);
        login.then().statusCode(200).body("user.role", equalTo("admin")).body("user.twoFactorEnabled", equalTo(false));
        return new Api.Session(customer.email(), login.jsonPath().getString("accessToken"), customer.userId(),
                login.getCookie("refresh_token"));
    }

    static Response login(String email, String otp) {
        Map<String, String> body = new HashMap<>(Map.of("email", email, "password", Api.PASSWORD));
        if (otp != null) {
            body.put("otp", otp);
        }
        return json().body(body).post("/api/v1/auth/login");
    }

    static long now() {
        return Totp.stepAt(Instant.now());
    }

    /** Enrolls and confirms; answers the secret and the step the confirming code was accepted for. */
    record Enrolled(byte[] secret, long step) {
    }

    Enrolled enable(Api.Session admin) {
        byte[] secret = base32Decode(admin.as().post("/api/v1/me/totp").then().statusCode(200)
                .extract().jsonPath().getString("secret"));
        long step = now();
        admin.as().body(Map.of("code", Totp.code(secret, step))).post("/api/v1/me/totp/confirm").then().statusCode(204);
        return new Enrolled(secret, step);
    }

    @Test
    void enrollmentGivesASecretAndItsOtpauthUriAndAWrongCodeDoesNotTurnItOn() {
        Api.Session admin = newAdmin();
        Response enrollment = admin.as().post("/api/v1/me/totp");
        enrollment.then().statusCode(200);
        String secret = enrollment.jsonPath().getString("secret");
        String uri = enrollment.jsonPath().getString("otpauthUri");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        String label = admin.email().replace("@", "%40");
        assertEquals("otpauth://totp/Shop:" + label + "?secret=" + secret + "&issuer=Shop&algorithm=SHA1&digits=6&period=30", uri);
        byte[] stored = db.value("SELECT totp_pending_secret FROM app_user WHERE id = ?::uuid", admin.userId());
        assertArrayEquals(base32Decode(secret), secrets.open(UUID.fromString(admin.userId()), stored));

        String right = Totp.code(base32Decode(secret), now());
        String wrong = String.valueOf((Integer.parseInt(right.substring(0, 1)) + 5) % 10) + right.substring(1);
        admin.as().body(Map.of("code", wrong)).post("/api/v1/me/totp/confirm").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_token"));
        admin.as().body(Map.of("code", "not a code")).post("/api/v1/me/totp/confirm").then().statusCode(400)
                .body("code", equalTo("invalid_token"));
        login(admin.email(), null).then().statusCode(200).body("user.twoFactorEnabled", equalTo(false));

        admin.as().body(Map.of("code", right)).post("/api/v1/me/totp/confirm").then().statusCode(204);
        admin.as().get("/api/v1/me").then().statusCode(200).body("twoFactorEnabled", equalTo(true));
        // On is on: a new enrollment cannot replace the device (an operator resets it).
        admin.as().post("/api/v1/me/totp").then().statusCode(409);
        // Nothing left to confirm.
        admin.as().body(Map.of("code", right)).post("/api/v1/me/totp/confirm").then().statusCode(400)
                .body("code", equalTo("invalid_token"));
    }

    @Test
    void onceOnLoginNeedsTheCurrentCodeAndAcceptsEachCodeOnce() {
        Api.Session admin = newAdmin();
        Enrolled enrolled = enable(admin);
        double failedBefore = SecurityEventMetricsTest.securityEvents("mfa_failed");

        login(admin.email(), null).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("mfa_required"));
        String next = Totp.code(enrolled.secret(), enrolled.step() + 1);
        String wrong = String.valueOf((Integer.parseInt(next.substring(0, 1)) + 5) % 10) + next.substring(1);
        login(admin.email(), wrong).then().statusCode(401).body("code", equalTo("mfa_required"));
        // The code that confirmed the enrollment was spent by it.
        login(admin.email(), Totp.code(enrolled.secret(), enrolled.step())).then().statusCode(401)
                .body("code", equalTo("mfa_required"));

        // One step of drift: the next step's code is accepted now...
        login(admin.email(), next).then().statusCode(200).body("user.twoFactorEnabled", equalTo(true));
        // ...and once only.
        login(admin.email(), next).then().statusCode(401).body("code", equalTo("mfa_required"));
        // A code two steps away is not accepted.
        login(admin.email(), Totp.code(enrolled.secret(), now() + 3)).then().statusCode(401)
                .body("code", equalTo("mfa_required"));
        assertEquals(failedBefore + 4, SecurityEventMetricsTest.securityEvents("mfa_failed"));
    }

    @Test
    void aCodeSentInParallelSignsInOnce() throws Exception {
        Api.Session admin = newAdmin();
        Enrolled enrolled = enable(admin);
        String next = Totp.code(enrolled.secret(), enrolled.step() + 1);
        // Four at once (under the failure limit of five): the guarded UPDATE lets exactly one through.
        List<Integer> statuses = Parallel.run(4, n -> () -> login(admin.email(), next).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
    }

    @Test
    void aMissingOrWrongCodeCountsAsAFailedLogin() {
        Api.Session admin = newAdmin();
        Enrolled enrolled = enable(admin);
        for (int i = 0; i < 5; i++) {
            login(admin.email(), null).then().statusCode(401).body("code", equalTo("mfa_required"));
        }
        login(admin.email(), Totp.code(enrolled.secret(), enrolled.step() + 1)).then().statusCode(429)
                .body("code", equalTo("rate_limited"));
    }

    @Test
    void theOperatorResetClearsTwoFactorSignInOfTheNamedAccounts() {
        Api.Session admin = newAdmin();
        enable(admin);
        Api.Session other = newAdmin();
        login(admin.email(), null).then().statusCode(401).body("code", equalTo("mfa_required"));

        List<String> cleared = twoFactor.reset(List.of(" " + admin.email().toUpperCase() + " ", other.email(), ""));
        assertEquals(List.of(admin.email()), cleared);
        login(admin.email(), null).then().statusCode(200).body("user.twoFactorEnabled", equalTo(false));
        assertEquals(List.of(), twoFactor.reset(List.of(admin.email())));
        // And it can be enrolled again.
        enable(admin);
    }

    static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
