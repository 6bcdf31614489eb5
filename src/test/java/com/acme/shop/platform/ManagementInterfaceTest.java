package com.acme.shop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Quarkus's management interface on, health and metrics are served on its port and no longer on the main
 * one; the OpenAPI document stays on the main port. (Default, interface off: OperationsTest.)
 * {@code quarkus.management.enabled} is a build-time property; a test profile re-builds the app, as setting
 * it for {@code ./mvnw package} does.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.ManagementOn.class)
class ManagementInterfaceTest {

    public static class ManagementOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port", "0",
                    "quarkus.smallrye-openapi.management.enabled", "false");
        }
    }

    // relative to the management root, /q
    @TestHTTPResource(value = "health/ready", management = true)
    URL managementReady;

    @TestHTTPResource(value = "metrics", management = true)
    URL managementMetrics;

    @Test
    void healthAndMetricsMoveToTheManagementPort() {
        given().get(managementReady).then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/products").then().statusCode(200); // main-port traffic, measured on the management port
        given().get(managementMetrics).then().statusCode(200).body(containsString("http_server_requests"));
        org.junit.jupiter.api.Assertions.assertTrue(managementReady.getPath().equals("/q/health/ready"), managementReady.toString());
        given().get(managementReady.toString().replace("/ready", "/live")).then().statusCode(200);
        given().get(managementReady.toString().replace("/ready", "/started")).then().statusCode(200);
    }

    @Test
    void theMainPortNoLongerServesThem() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200);
        given().get("/api/v1/products").then().statusCode(200);
    }
}
