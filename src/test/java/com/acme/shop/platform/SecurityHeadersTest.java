package com.acme.shop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi",
            "/no/such/path", "/api/v1/auth/login"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        ValidatableResponse response = given().get(path).then();
        response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", notNullValue())
                // HSTS is for production behind TLS only.
                .header("Strict-Transport-Security", nullValue());
    }
}
