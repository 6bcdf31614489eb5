package com.acme.shop.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code openapi.yaml} is the contract clients generate from; it must be exactly what the service
 * serves. After changing a resource, refresh it with {@code ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiSpecTest {

    private static final Path CHECKED_IN = Path.of("openapi.yaml");

    @Test
    void checkedInSpecIsWhatTheServiceServes() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(CHECKED_IN), "openapi.yaml is missing at the repository root");
        assertEquals(Files.readString(CHECKED_IN, StandardCharsets.UTF_8), served,
                "openapi.yaml differs from /q/openapi: run ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true");
    }

    @Test
    void everyOperationHasAnOperationIdAndDescribesItsErrors() {
        String served = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        io.restassured.path.json.JsonPath spec = io.restassured.path.json.JsonPath.from(served);
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = spec.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation instanceof java.util.Map)) {
                return;
            }
            assertTrue(operation.containsKey("operationId"), method + " " + path + " has no operationId");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) operation.get("responses");
            assertTrue(responses.containsKey("500"), method + " " + path + " does not describe 500");
        }));
    }
}
