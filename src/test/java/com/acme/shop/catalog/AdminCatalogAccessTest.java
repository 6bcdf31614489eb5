package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AdminCatalogAccessTest {

    private static final String ID = UUID.randomUUID().toString();

    @ParameterizedTest
    @CsvSource({"GET,/api/v1/admin/products", "POST,/api/v1/admin/products", "GET,/api/v1/admin/products/{id}",
            "PATCH,/api/v1/admin/products/{id}", "DELETE,/api/v1/admin/products/{id}",
            "POST,/api/v1/admin/products/bulk", "PATCH,/api/v1/admin/products/bulk"})
    void adminEndpointsNeedATokenAndTheAdminRole(String method, String path) {
        json().body("{}").request(method, path.replace("{id}", ID)).then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        Api.newCustomer().as().body("{}").request(method, path.replace("{id}", ID)).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
    }

    @org.junit.jupiter.api.Test
    void csvImportNeedsTheAdminRole() {
        io.restassured.RestAssured.given().contentType("text/csv").body("sku\n").post("/api/v1/admin/products/import")
                .then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(Api.newCustomer().accessToken()).contentType("text/csv")
                .body("sku\n").post("/api/v1/admin/products/import").then().statusCode(403);
    }
}
