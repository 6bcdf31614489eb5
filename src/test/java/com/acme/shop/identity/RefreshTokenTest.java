package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTokenTest {

    private static Response refresh(String cookie) {
        var spec = json();
        if (cookie != null) {
            spec = spec.cookie("refresh_token", cookie);
        }
        return spec.post("/api/v1/auth/refresh");
    }

    @Test
    void refreshRotatesTheCookieAndIssuesAWorkingAccessToken() {
        Api.Session session = Api.newCustomer();
        Response first = refresh(session.refreshToken());
        first.then().statusCode(200).body("accessToken", notNullValue()).body("user.email", equalTo(session.email()));
        String rotated = first.getCookie("refresh_token");
        assertNotEquals(session.refreshToken(), rotated);
        json().auth().oauth2(first.jsonPath().getString("accessToken")).get("/api/v1/me").then().statusCode(200);
        refresh(rotated).then().statusCode(200);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        Api.Session session = Api.newCustomer();
        String rotated = refresh(session.refreshToken()).then().statusCode(200).extract().cookie("refresh_token");
        // The original token, already rotated, comes back: someone copied it.
        refresh(session.refreshToken()).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid_token"));
        // ...so the legitimate holder of the newest token is signed out too.
        refresh(rotated).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void otherSessionsSurviveAFamilyRevocation() {
        Api.Session session = Api.newCustomer();
        String otherDevice = json().body(Map.of("email", session.email(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().cookie("refresh_token");
        refresh(session.refreshToken()).then().statusCode(200);
        refresh(session.refreshToken()).then().statusCode(401);
        refresh(otherDevice).then().statusCode(200);
    }

    @Test
    void missingUnknownOrMalformedCookiesAreInvalidToken() {
        refresh(null).then().statusCode(401).body("code", equalTo("invalid_token"));
        refresh("not-a-token").then().statusCode(401).body("code", equalTo("invalid_token"));
        refresh("A".repeat(43)).then().statusCode(401).body("code", equalTo("invalid_token"));
        refresh("x".repeat(5000)).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void logoutClearsTheCookieAndRevokesTheToken() {
        Api.Session session = Api.newCustomer();
        Response logout = json().cookie("refresh_token", session.refreshToken()).post("/api/v1/auth/logout");
        logout.then().statusCode(204);
        String cleared = logout.getHeader("Set-Cookie");
        assertTrue(cleared.startsWith("refresh_token=;") || cleared.contains("Max-Age=0"), cleared);
        refresh(session.refreshToken()).then().statusCode(401).body("code", equalTo("invalid_token"));
    }

    @Test
    void logoutWithoutACookieIsStill204() {
        json().post("/api/v1/auth/logout").then().statusCode(204);
        json().cookie("refresh_token", "garbage").post("/api/v1/auth/logout").then().statusCode(204);
    }
}
