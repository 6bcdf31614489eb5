package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.acme.shop.platform.SecureTokens;
import com.acme.shop.support.Api;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionMaxAgeTest {

    @Inject
    Db db;

    private static Response refresh(String cookie) {
        return json().cookie("refresh_token", cookie).post("/api/v1/auth/refresh");
    }

    private static String rotate(String cookie) {
        return refresh(cookie).then().statusCode(200).extract().cookie("refresh_token");
    }

    /** Moves the start of the token's session (its refresh-token family) into the past. */
    private void startSessionAgo(String cookie, String interval) {
        db.execute("UPDATE refresh_token SET family_started_at = family_started_at - ?::interval WHERE family_id = "
                + "(SELECT family_id FROM refresh_token WHERE token_hash = ?)", interval, SecureTokens.hash(cookie));
    }

    @Test
    void rotationCarriesTheSessionStartOver() {
        Api.Session customer = Api.newCustomer();
        String token = customer.refreshToken();
        for (int i = 0; i < 3; i++) {
            token = rotate(token);
        }
        Map<String, Object> family = db.row("""
                SELECT count(*) AS tokens, count(DISTINCT family_started_at) AS starts,
                       bool_and(family_started_at = (SELECT min(created_at) FROM refresh_token WHERE user_id = ?::uuid)) AS from_login
                FROM refresh_token WHERE user_id = ?::uuid
                """, customer.userId(), customer.userId());
        assertEquals(4L, family.get("tokens"));
        assertEquals(1L, family.get("starts"));
        assertEquals(true, family.get("from_login"));
    }

    @Test
    void aCustomerSessionEndsThirtyDaysAfterItsLoginHoweverOftenItRotates() {
        Api.Session customer = Api.newCustomer();
        String token = rotate(rotate(customer.refreshToken()));
        startSessionAgo(token, "29 days 23 hours");
        token = rotate(token);
        // The token just issued expires when its session does, not a full refresh lifetime later.
        assertEquals(true, db.value("SELECT expires_at <= family_started_at + interval '30 days' FROM refresh_token "
                + "WHERE token_hash = ?", SecureTokens.hash(token)));
        startSessionAgo(token, "1 hour 1 minute");
        refresh(token).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid_token"));
        // The ended session is revoked, not just refused.
        assertEquals(0L, db.count("SELECT count(*) FROM refresh_token WHERE user_id = ?::uuid AND revoked_at IS NULL",
                customer.userId()));
        // A new login starts a new session.
        json().body(Map.of("email", customer.email(), "password", Api.PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200);
    }

    @Test
    void anAdminSessionEndsTwelveHoursAfterItsLogin() {
        Api.Session admin = Api.admin();
        startSessionAgo(admin.refreshToken(), "11 hours 50 minutes");
        String token = rotate(admin.refreshToken());
        startSessionAgo(token, "11 minutes");
        refresh(token).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void aCustomerSessionOutlivesTheAdminMaximum() {
        Api.Session customer = Api.newCustomer();
        startSessionAgo(customer.refreshToken(), "13 hours");
        String token = rotate(customer.refreshToken());
        assertFalse(token.isEmpty());
    }
}
