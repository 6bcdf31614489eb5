package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.platform.SecureTokens;
import com.acme.shop.support.Api;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention sweep, called directly (the scheduler is halted in tests). */
@QuarkusTest
class ExpiredTokenSweepTest {

    @Inject
    Db db;

    @Inject
    ExpiredTokenSweep sweep;

    private long tokens(String userId) {
        return db.count("SELECT count(*) FROM refresh_token WHERE user_id = ?::uuid", userId);
    }

    private static String rotate(String cookie) {
        return json().cookie("refresh_token", cookie).post("/api/v1/auth/refresh").then().statusCode(200)
                .extract().cookie("refresh_token");
    }

    @Test
    void expiredRefreshTokensGoAndLiveOnesAndRevokedUnexpiredOnesStay() {
        Api.Session customer = Api.newCustomer();
        String live = rotate(customer.refreshToken());
        // Another session of the same account, long expired.
        String old = json().body(Map.of("email", customer.email(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().cookie("refresh_token");
        db.execute("UPDATE refresh_token SET family_started_at = now() - interval '40 days', "
                + "created_at = now() - interval '40 days', expires_at = now() - interval '10 days' WHERE token_hash = ?",
                SecureTokens.hash(old));
        assertEquals(3, tokens(customer.userId()));

        sweep.sweep();

        assertEquals(0, db.count("SELECT count(*) FROM refresh_token WHERE token_hash = ?", SecureTokens.hash(old)));
        // The rotated (revoked, unexpired) token stays: presenting it again still reveals a stolen token.
        assertEquals(2, tokens(customer.userId()));
        json().cookie("refresh_token", live).post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void tokensOfSessionsPastTheMaximumAgeGo() {
        Api.Session customer = Api.newCustomer();
        db.execute("UPDATE refresh_token SET family_started_at = now() - interval '31 days' WHERE user_id = ?::uuid",
                customer.userId());
        sweep.sweep();
        assertEquals(0, tokens(customer.userId()));
        json().cookie("refresh_token", customer.refreshToken()).post("/api/v1/auth/refresh").then().statusCode(401)
                .body("code", equalTo("invalid_token"));
    }

    @Test
    void usedAndExpiredResetTokensGoAndOpenOnesStay() {
        Api.Session customer = Api.newCustomer();
        String insert = "INSERT INTO password_reset_token (token_hash, user_id, created_at, expires_at, used_at) "
                + "VALUES (?, ?::uuid, now() - interval '2 hours', now() + ?::interval, now() - ?::interval)";
        byte[] used = SecureTokens.hash(SecureTokens.newToken());
        byte[] expired = SecureTokens.hash(SecureTokens.newToken());
        byte[] open = SecureTokens.hash(SecureTokens.newToken());
        db.execute(insert, used, customer.userId(), "30 minutes", "1 hour");
        db.execute(insert, expired, customer.userId(), "-1 hour", null);
        db.execute(insert, open, customer.userId(), "30 minutes", null);

        sweep.sweep();

        assertEquals(1, db.count("SELECT count(*) FROM password_reset_token WHERE user_id = ?::uuid", customer.userId()));
        assertEquals(1, db.count("SELECT count(*) FROM password_reset_token WHERE token_hash = ?", open));
    }

    @Test
    void redeemedAndOldInvitesGoAndAnOldOneCannotBeRedeemed() {
        String redeemed = Api.uniqueEmail();
        String old = Api.uniqueEmail();
        String fresh = Api.uniqueEmail();
        String oldToken = SecureTokens.newToken();
        db.execute("INSERT INTO guest_invite (email, token_hash, redeemed_at) VALUES (?, ?, now())", redeemed,
                SecureTokens.hash(SecureTokens.newToken()));
        db.execute("INSERT INTO guest_invite (email, token_hash, created_at) VALUES (?, ?, now() - interval '91 days')",
                old, SecureTokens.hash(oldToken));
        db.execute("INSERT INTO guest_invite (email, token_hash) VALUES (?, ?)", fresh,
                SecureTokens.hash(SecureTokens.newToken()));

        // Too old to redeem even before the sweep runs.
        json().body(Map.of("email", old, "password", Api.PASSWORD, "name", "Late", "inviteToken", oldToken))
                .post("/api/v1/auth/register").then().statusCode(400).body("code", equalTo("invalid_token"));

        sweep.sweep();

        assertEquals(0, db.count("SELECT count(*) FROM guest_invite WHERE email IN (?, ?)", redeemed, old));
        assertEquals(1, db.count("SELECT count(*) FROM guest_invite WHERE email = ?", fresh));
    }
}
