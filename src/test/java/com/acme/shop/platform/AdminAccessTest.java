package com.acme.shop.platform;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every back-office endpoint: no token is 401, a customer's token is 403. */
@QuarkusTest
class AdminAccessTest {

    private static final String ID = UUID.randomUUID().toString();

    @ParameterizedTest
    @CsvSource({"GET,/api/v1/admin/orders", "GET,/api/v1/admin/orders/{id}", "PATCH,/api/v1/admin/orders/{id}/status",
            "POST,/api/v1/admin/orders/{id}/refunds", "GET,/api/v1/admin/users", "GET,/api/v1/admin/users/{id}"})
    void backOfficeEndpointsNeedTheAdminRole(String method, String path) {
        String target = path.replace("{id}", ID);
        json().body("{}").request(method, target).then().statusCode(401).body("code", equalTo("unauthorized"));
        Api.newCustomer().as().body("{}").request(method, target).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("forbidden"));
    }
}
