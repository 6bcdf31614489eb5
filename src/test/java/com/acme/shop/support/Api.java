package com.acme.shop.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Test helpers that go through the public API only, so tests exercise what clients exercise. */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@shop.test";
    public static final String ADMIN_PASSWORD = "admin-password";
    public static final String PASSWORD = "correct horse battery";

    private Api() {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static Response register(String email, String password, String name) {
        return json().body(Map.of("email", email, "password", password, "name", name))
                .post("/api/v1/auth/register");
    }

    /** Registers a fresh customer and returns its session. */
    public static Session newCustomer() {
        String email = uniqueEmail();
        Response response = register(email, PASSWORD, "Test Customer");
        response.then().statusCode(201);
        return new Session(email, response.jsonPath().getString("accessToken"),
                response.jsonPath().getString("user.id"), response.getCookie("refresh_token"));
    }

    public static Session admin() {
        Response response = json().body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .post("/api/v1/auth/login");
        response.then().statusCode(200);
        return new Session(ADMIN_EMAIL, response.jsonPath().getString("accessToken"),
                response.jsonPath().getString("user.id"), response.getCookie("refresh_token"));
    }

    public record Session(String email, String accessToken, String userId, String refreshToken) {

        public RequestSpecification as() {
            return json().auth().oauth2(accessToken);
        }
    }
}
