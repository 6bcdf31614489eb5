package com.acme.shop.promotion;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Categories;
import com.acme.shop.support.Db;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminPromotionsTest {

    @Inject
    Db db;

    Api.Session admin;
    String code;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
        code = "Save" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Map<String, Object> promotion(String code, String type, long value) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("type", type);
        body.put("value", value);
        return body;
    }

    @Test
    void createAnswers201WithLocationAndTheDefaults() {
        Response created = admin.as().body(promotion(code, "percent", 1500)).post("/api/v1/admin/promotions");
        created.then().statusCode(201).header("Location", endsWith("/api/v1/admin/promotions/" + created.path("id")))
                .body("code", equalTo(code)).body("type", equalTo("percent")).body("value", equalTo(1500))
                .body("minSubtotalCents", equalTo(0)).body("startsAt", nullValue()).body("endsAt", nullValue())
                .body("usageLimit", nullValue()).body("perCustomerLimit", nullValue()).body("usedCount", equalTo(0))
                .body("active", equalTo(true)).body("categoryIds", equalTo(List.of()));
        admin.as().get(java.net.URI.create(created.header("Location")).getPath()).then().statusCode(200)
                .body("code", equalTo(code));
    }

    @Test
    void codesAreUniqueCaseInsensitively() {
        admin.as().body(promotion(code, "fixed", 500)).post("/api/v1/admin/promotions").then().statusCode(201);
        admin.as().body(promotion(code.toUpperCase(), "fixed", 500)).post("/api/v1/admin/promotions").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("code_taken"));
        String other = admin.as().body(promotion(code + "x", "fixed", 500)).post("/api/v1/admin/promotions").path("id");
        admin.as().body(Map.of("code", code.toLowerCase())).patch("/api/v1/admin/promotions/" + other).then()
                .statusCode(409).body("code", equalTo("code_taken"));
    }

    @Test
    void badInputIs400NamingTheField() {
        expectInvalid(promotion(code, "percent", 0), "value");
        expectInvalid(promotion(code, "percent", 10_001), "value");
        expectInvalid(promotion(code, "fixed", 0), "value");
        expectInvalid(promotion(code, "free_shipping", 100), "value");
        expectInvalid(promotion(code, "bogus", 100), "type");
        expectInvalid(promotion("has space", "fixed", 100), "code");
        Map<String, Object> window = promotion(code, "fixed", 100);
        window.put("startsAt", "2030-01-02T00:00:00Z");
        window.put("endsAt", "2030-01-01T00:00:00Z");
        expectInvalid(window, "endsAt");
        Map<String, Object> limits = promotion(code, "fixed", 100);
        limits.put("perCustomerLimit", 0);
        expectInvalid(limits, "perCustomerLimit");
        Map<String, Object> categories = promotion(code, "fixed", 100);
        categories.put("categoryIds", List.of(UUID.randomUUID().toString()));
        expectInvalid(categories, "categoryIds");
        admin.as().get("/api/v1/admin/promotions?active=maybe").then().statusCode(400)
                .body("errors.field", hasItem(equalTo("active")));
    }

    private void expectInvalid(Map<String, Object> body, String field) {
        admin.as().body(body).post("/api/v1/admin/promotions").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void patchKeepsAbsentFieldsClearsNullOnesAndRefusesALimitBelowTheUses() {
        Map<String, Object> body = promotion(code, "fixed", 700);
        body.put("usageLimit", 5);
        body.put("endsAt", "2099-01-01T00:00:00Z");
        String category = Categories.create(admin, "Promo " + code, "promo-" + code.toLowerCase(), null);
        body.put("categoryIds", List.of(category));
        String id = admin.as().body(body).post("/api/v1/admin/promotions").path("id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("endsAt", null);
        patch.put("minSubtotalCents", 2000);
        admin.as().body(patch).patch("/api/v1/admin/promotions/" + id).then().statusCode(200)
                .body("endsAt", nullValue()).body("minSubtotalCents", equalTo(2000)).body("usageLimit", equalTo(5))
                .body("value", equalTo(700)).body("categoryIds", contains(category));
        admin.as().body(Map.of("type", "free_shipping")).patch("/api/v1/admin/promotions/" + id).then().statusCode(200)
                .body("type", equalTo("free_shipping")).body("value", equalTo(0));
        admin.as().body(Map.of("type", "percent")).patch("/api/v1/admin/promotions/" + id).then().statusCode(400)
                .body("errors.field", hasItem("value"));
        // Two uses held, then a limit of 1 is below them.
        db.execute("UPDATE promotion SET used_count = 2 WHERE id = ?::uuid", id);
        admin.as().body(Map.of("usageLimit", 1)).patch("/api/v1/admin/promotions/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("usageLimit"));
        admin.as().body(Map.of("usageLimit", 2)).patch("/api/v1/admin/promotions/" + id).then().statusCode(200)
                .body("usageLimit", equalTo(2)).body("usedCount", equalTo(2));
    }

    @Test
    void deleteDeactivatesAndTheListFiltersByCodeAndActive() {
        String a = admin.as().body(promotion(code + "A", "fixed", 100)).post("/api/v1/admin/promotions").path("id");
        admin.as().body(promotion(code + "B", "fixed", 100)).post("/api/v1/admin/promotions").then().statusCode(201);
        admin.as().delete("/api/v1/admin/promotions/" + a).then().statusCode(204);
        admin.as().get("/api/v1/admin/promotions/" + a).then().statusCode(200).body("active", equalTo(false));
        admin.as().delete("/api/v1/admin/promotions/" + UUID.randomUUID()).then().statusCode(404);
        admin.as().queryParam("q", code.toLowerCase()).get("/api/v1/admin/promotions").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.code", contains(code + "B", code + "A"));
        admin.as().queryParam("q", code).queryParam("active", "false").get("/api/v1/admin/promotions").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(a));
        admin.as().queryParam("q", code).queryParam("size", 1).get("/api/v1/admin/promotions").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("totalPages", equalTo(2));
    }

    @Test
    void onlyAdminsMayManagePromotions() {
        json().get("/api/v1/admin/promotions").then().statusCode(401);
        json().body(promotion(code, "fixed", 100)).post("/api/v1/admin/promotions").then().statusCode(401);
        Api.Session customer = Api.newCustomer();
        customer.as().get("/api/v1/admin/promotions").then().statusCode(403);
        customer.as().body(promotion(code, "fixed", 100)).post("/api/v1/admin/promotions").then().statusCode(403);
        customer.as().delete("/api/v1/admin/promotions/" + UUID.randomUUID()).then().statusCode(403);
    }
}
