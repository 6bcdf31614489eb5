package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordChangeTest {

    private static final String NEW_PASSWORD = "a new and longer password";

    @Inject
    Db db;

    @Inject
    PasswordHasher hasher;

    private static Response login(String email, String password) {
        return json().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    private static Response change(Api.Session session, String current, String next) {
        return session.as().body(Map.of("currentPassword", current, "newPassword", next)).post("/api/v1/me/password");
    }

    private static Response refresh(String cookie) {
        return json().cookie("refresh_token", cookie).post("/api/v1/auth/refresh");
    }

    @Test
    void changingThePasswordSignsOutEveryOtherSessionButTheCallers() {
        Api.Session customer = Api.newCustomer();
        String otherDevice = login(customer.email(), Api.PASSWORD).then().statusCode(200).extract().cookie("refresh_token");
        change(customer, Api.PASSWORD, NEW_PASSWORD).then().statusCode(204);

        login(customer.email(), Api.PASSWORD).then().statusCode(401).body("code", equalTo("invalid_credentials"));
        login(customer.email(), NEW_PASSWORD).then().statusCode(200);
        refresh(otherDevice).then().statusCode(401).body("code", equalTo("invalid_token"));
        // The calling session goes on: its refresh token still rotates.
        refresh(customer.refreshToken()).then().statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndChangesNothing() {
        Api.Session customer = Api.newCustomer();
        change(customer, "not my password", NEW_PASSWORD).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_credentials"));
        login(customer.email(), Api.PASSWORD).then().statusCode(200);
        login(customer.email(), NEW_PASSWORD).then().statusCode(401);
    }

    @Test
    void wrongCurrentPasswordsCountAsLoginFailures() {
        Api.Session customer = Api.newCustomer();
        for (int i = 0; i < 5; i++) {
            change(customer, "guess " + i, NEW_PASSWORD).then().statusCode(400);
        }
        change(customer, Api.PASSWORD, NEW_PASSWORD).then().statusCode(429).body("code", equalTo("rate_limited"));
        login(customer.email(), Api.PASSWORD).then().statusCode(429);
    }

    @Test
    void aWeakNewPasswordIsRefusedLikeAtRegistration() {
        Api.Session customer = Api.newCustomer();
        change(customer, Api.PASSWORD, "short").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(equalTo("newPassword")));
        change(customer, Api.PASSWORD, "x".repeat(129)).then().statusCode(400).body("code", equalTo("validation_failed"));
        customer.as().body(Map.of()).post("/api/v1/me/password").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        login(customer.email(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void signingInIsRequired() {
        json().body(Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD)).post("/api/v1/me/password")
                .then().statusCode(401);
    }

    @Test
    void aHashMadeAtALowerCostIsUpgradedAtLogin() {
        Api.Session customer = Api.newCustomer();
        db.execute("UPDATE app_user SET password_hash = ? WHERE id = ?::uuid", hasher.hash(Api.PASSWORD, 4),
                customer.userId());
        String weak = storedHash(customer);
        assertTrue(weak.startsWith("$2a$04$"), weak);
        login(customer.email(), Api.PASSWORD).then().statusCode(200);
        String upgraded = storedHash(customer);
        assertEquals("10", upgraded.split("\\$")[2], upgraded);
        login(customer.email(), Api.PASSWORD).then().statusCode(200);
        assertEquals(upgraded, storedHash(customer), "a hash at the configured cost is left as it is");
    }

    private String storedHash(Api.Session customer) {
        return db.value("SELECT password_hash FROM app_user WHERE id = ?::uuid", customer.userId());
    }
}
