package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Api.register;
import static com.acme.shop.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    private static Response login(String email, String password) {
        return json().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void loginReturnsAnAccessTokenThatOpensMe() {
        String email = uniqueEmail();
        register(email, Api.PASSWORD, "Grace").then().statusCode(201);
        Response response = login(email, Api.PASSWORD);
        response.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("user.email", equalTo(email));
        assertTrue(response.getHeader("Set-Cookie").startsWith("refresh_token="));
        json().auth().oauth2(response.jsonPath().getString("accessToken")).get("/api/v1/me")
                .then().statusCode(200).body("email", equalTo(email)).body("name", equalTo("Grace"))
                .body("role", equalTo("customer")).body("id", notNullValue()).body("createdAt", notNullValue());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail();
        register(email, Api.PASSWORD, "Grace").then().statusCode(201);
        Response wrong = login(email, "wrong password");
        Response unknown = login(uniqueEmail(), Api.PASSWORD);
        wrong.then().statusCode(401).contentType("application/problem+json").body("code", equalTo("invalid_credentials"));
        unknown.then().statusCode(401).body("code", equalTo("invalid_credentials"));
        assertEquals(wrong.jsonPath().getString("detail"), unknown.jsonPath().getString("detail"));
    }

    @Test
    void theSeededAdminCanLogInWithTheAdminRole() {
        login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD).then().statusCode(200).body("user.role", equalTo("admin"));
    }

    @Test
    void afterTheFailureLimitEveryLoginForThatEmailIs429EvenWithTheRightPassword() {
        String email = uniqueEmail();
        register(email, Api.PASSWORD, "Target").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password " + i).then().statusCode(401);
        }
        Response blocked = login(email, Api.PASSWORD);
        blocked.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate_limited"));
        int retryAfter = Integer.parseInt(blocked.getHeader("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // The limit is per email: another account is unaffected.
        String other = uniqueEmail();
        register(other, Api.PASSWORD, "Other").then().statusCode(201);
        login(other, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void successfulLoginsDoNotCountAsFailures() {
        String email = uniqueEmail();
        register(email, Api.PASSWORD, "Regular").then().statusCode(201);
        for (int i = 0; i < 8; i++) {
            login(email, Api.PASSWORD).then().statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            login(email, "wrong").then().statusCode(401);
        }
        login(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void unknownEmailsAreThrottledTheSameWay() {
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            login(email, "guess " + i).then().statusCode(401);
        }
        login(email, "guess again").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void parallelGuessesCannotExceedTheFailureLimit() throws Exception {
        String email = uniqueEmail();
        register(email, Api.PASSWORD, "Target").then().statusCode(201);
        int parallel = 20;
        List<Integer> statuses = Parallel.run(parallel, n -> () -> login(email, "parallel guess " + n).statusCode());
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), "password checks allowed");
        assertEquals(parallel - 5, statuses.stream().filter(s -> s == 429).count());
    }

    @Test
    void loginValidatesItsBody() {
        json().body(Map.of("email", "")).post("/api/v1/auth/login").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        json().body("{\"email\": 12, \"password\": [1]}").post("/api/v1/auth/login").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }
}
