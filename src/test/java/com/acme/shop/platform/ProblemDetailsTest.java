package com.acme.shop.platform;

import static com.acme.shop.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void unknownRoutesAreProblem404() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found")).body("status", equalTo(404))
                .body("title", notNullValue()).body("type", notNullValue());
        given().get("/definitely/not/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIsProblem405() {
        given().delete("/api/v1/auth/login").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void oversizedBodiesAre413NotAServerError() throws Exception {
        byte[] huge = ("{\"email\":\"" + "a".repeat(33 * 1024 * 1024) + "\"}").getBytes();
        // Expect: 100-continue lets the server refuse before the body is sent, as a well-behaved client would.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUri() + "/api/v1/auth/login"))
                        .expectContinue(true).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(response.headers().firstValue("X-Content-Type-Options").isPresent());
    }

    private static String baseUri() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    @Test
    void unexpectedErrorsAreGeneric500sWithARequestIdAndNoInternals() {
        given().header("X-Request-Id", "trace-me-123").get("/api/test-support/boom").then().statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("internal_error"))
                .body("requestId", equalTo("trace-me-123"))
                .body(not(containsString("SELECT")))
                .body(not(containsString("Exception")))
                .body(not(containsString("com.acme")));
    }

    @Test
    void valuesTheDatabaseCannotStoreAre400NotServerErrors() {
        given().urlEncodingEnabled(false).get("/api/v1/products/%00").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed"));
        json().body("{\"email\":\"nul\\u0000@example.com\",\"password\":\"12345678\",\"name\":\"x\"}")
                .post("/api/v1/auth/register").then().statusCode(400).body("code", equalTo("validation_failed"));
        given().queryParam("q", "a\u0000b").get("/api/v1/products").then().statusCode(400);
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().get("/q/health/live").then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "abc-123").get("/api/v1/me").then().header("X-Request-Id", "abc-123");
        // A hostile id is replaced, never echoed.
        given().header("X-Request-Id", "<script>").get("/api/v1/me").then()
                .header("X-Request-Id", not(containsString("<")));
    }
}
