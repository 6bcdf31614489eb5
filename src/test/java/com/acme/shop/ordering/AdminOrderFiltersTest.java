package com.acme.shop.ordering;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin order list's filters are typed query parameters: a bad value is a 400 naming the parameter. */
@QuarkusTest
class AdminOrderFiltersTest {

    Api.Session admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    @Test
    void badFilterValuesAreValidationErrorsNamingTheParameter() {
        String[][] bad = {{"status", "paid"}, {"status", "LOST"}, {"from", "2026-13-01"}, {"to", "yesterday"},
                {"userId", "not-a-uuid"}, {"userId", "1-2-3-4-5"}};
        for (String[] param : bad) {
            admin.as().queryParam(param[0], param[1]).get("/api/v1/admin/orders").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo(param[0]));
        }
        admin.as().queryParam("status", "LOST").get("/api/v1/admin/orders").then()
                .body("errors[0].message", startsWith("must be one of PENDING_PAYMENT, PAID"));
    }

    @Test
    void fromAfterToIsRefused() {
        admin.as().queryParam("from", "2026-02-02").queryParam("to", "2026-02-01").get("/api/v1/admin/orders").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void goodValuesFilter() {
        admin.as().queryParam("status", "CANCELLED").queryParam("from", "2020-01-01")
                .queryParam("userId", "00000000-0000-0000-0000-000000000000").get("/api/v1/admin/orders").then()
                .statusCode(200).body("totalItems", equalTo(0));
    }
}
