package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Api.register;
import static com.acme.shop.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationTest {

    @Test
    void registerAnswers201WithTokensAndSetsTheRefreshCookie() {
        String email = uniqueEmail();
        Response response = register(email, Api.PASSWORD, "Ada Lovelace");
        response.then().statusCode(201)
                .body("accessToken", notNullValue())
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("user.id", notNullValue())
                .body("user.email", equalTo(email))
                .body("user.name", equalTo("Ada Lovelace"))
                .body("user.role", equalTo("customer"))
                .body("user.createdAt", notNullValue())
                .body("refreshToken", nullValue());
        String setCookie = response.getHeader("Set-Cookie");
        assertEquals(true, setCookie.startsWith("refresh_token="), setCookie);
        assertEquals(true, setCookie.contains("HttpOnly"), setCookie);
        assertEquals(true, setCookie.contains("SameSite=Strict"), setCookie);
    }

    @Test
    void emailsAreCaseInsensitiveAndStoredNormalised() {
        String email = uniqueEmail();
        register("  " + email.toUpperCase() + " ", Api.PASSWORD, "Upper").then().statusCode(201)
                .body("user.email", equalTo(email));
        register(email, Api.PASSWORD, "Lower").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("email_taken"));
        json().body(Map.of("email", email.toUpperCase(), "password", Api.PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200);
    }

    @Test
    void duplicateEmailIsEmailTaken() {
        String email = uniqueEmail();
        register(email, Api.PASSWORD, "First").then().statusCode(201);
        register(email, "another password", "Second").then().statusCode(409)
                .body("code", equalTo("email_taken")).body("status", equalTo(409))
                .body("type", notNullValue()).body("title", notNullValue());
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = uniqueEmail();
        int parallel = 8;
        List<Integer> statuses = Parallel.run(parallel, i -> () -> register(email, Api.PASSWORD, "Racer").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(parallel - 1, statuses.stream().filter(s -> s == 409).count());
    }

    @Test
    void passwordLengthAndEmailFormatAreValidated() {
        register(uniqueEmail(), "short", "Name").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("password"));
        register(uniqueEmail(), "x".repeat(129), "Name").then().statusCode(400)
                .body("errors.field", hasItem("password"));
        register(uniqueEmail(), "x".repeat(128), "Name").then().statusCode(201);
        register("not-an-email", Api.PASSWORD, "Name").then().statusCode(400)
                .body("errors.field", hasItem("email"));
        json().body(Map.of()).post("/api/v1/auth/register").then().statusCode(400)
                .body("errors.field", hasItems("email", "password", "name"))
                .body("errors.message", everyItem(notNullValue()));
    }

    @Test
    void malformedBodiesAreValidationFailures() {
        json().body("{\"email\": ").post("/api/v1/auth/register").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"));
        json().body("[1,2,3]").post("/api/v1/auth/register").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        json().body("{\"email\": {\"nested\": true}, \"password\": \"12345678\", \"name\": \"x\"}")
                .post("/api/v1/auth/register").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("email"));
        json().body("").post("/api/v1/auth/register").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        json().body("null").post("/api/v1/auth/register").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void wrongContentTypeIsA4xxProblemNot500() {
        io.restassured.RestAssured.given().contentType("text/plain").body("hello").post("/api/v1/auth/register")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", is(415)).body("detail", containsString("content type"));
    }
}
