package com.acme.shop.catalog;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Categories;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin product list's option filter: the storefront's {@code option.<name>=<value>}, over ACTIVE variants,
 * with archived products still listed, and combined with q, active, category and paging.
 */
@QuarkusTest
class AdminProductFilterTest {

    private static final List<Map<String, Object>> COLOUR_SIZE = List.of(
            Map.of("name", "Color", "values", List.of("Red", "Blue", "Green")),
            Map.of("name", "Size", "values", List.of("S", "M", "L")));

    Api.Session admin;
    String tag;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
        tag = Categories.tag();
    }

    private static Map<String, Object> variant(String colour, String size, boolean active) {
        Map<String, Object> v = new HashMap<>();
        v.put("sku", Catalog.uniqueSku());
        v.put("options", Map.of("Color", colour, "Size", size));
        v.put("priceCents", 1000);
        v.put("stock", 0);
        v.put("active", active);
        return v;
    }

    private String product(String name, List<Map<String, Object>> variants, List<String> categoryIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + " " + tag);
        body.put("options", COLOUR_SIZE);
        body.put("variants", variants);
        body.put("categoryIds", categoryIds);
        return admin.as().body(body).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification mine() {
        return admin.as().queryParam("q", tag);
    }

    @Test
    void optionFiltersMatchOneActiveVariantAndCombineWithTheOtherFilters() {
        String tops = Categories.create(admin, "Tops", "tops-" + tag, null);
        // A: Red/S and Blue/M (sold out: the admin list does not care about stock)
        String a = product("Alpha", List.of(variant("Red", "S", true), variant("Blue", "M", true)), List.of(tops));
        // B: Red/M, archived product; an archived Green/L variant
        String b = product("Beta", List.of(variant("Red", "M", true), variant("Green", "L", false)), List.of());
        admin.as().delete("/api/v1/admin/products/" + b).then().statusCode(204);
        // C: a product without options
        Map<String, Object> plain = Catalog.product("Gamma " + tag, 500, 3);
        String c = admin.as().body(plain).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");

        mine().get("/api/v1/admin/products").then().statusCode(200).body("items.id", contains(c, b, a));
        mine().queryParam("option.Color", "Red").get("/api/v1/admin/products").then().statusCode(200)
                .body("items.id", contains(b, a)).body("totalItems", equalTo(2));
        mine().queryParam("option.Size", "M").get("/api/v1/admin/products").then().body("items.id", contains(b, a));
        // One variant must have every asked value: A is Red/S and Blue/M, never Red/M.
        mine().queryParam("option.Color", "Red").queryParam("option.Size", "M").get("/api/v1/admin/products").then()
                .body("items.id", contains(b));
        // Archived variants are not looked at; unknown names and values match nothing.
        mine().queryParam("option.Color", "Green").get("/api/v1/admin/products").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(0));
        mine().queryParam("option.Fabric", "Silk").get("/api/v1/admin/products").then().body("items", empty());
        // With active, category and paging; without q.
        mine().queryParam("option.Color", "Red").queryParam("active", true).get("/api/v1/admin/products").then()
                .body("items.id", contains(a));
        mine().queryParam("option.Color", "Red").queryParam("active", false).get("/api/v1/admin/products").then()
                .body("items.id", contains(b));
        admin.as().queryParam("category", "tops-" + tag).queryParam("option.Size", "M").get("/api/v1/admin/products")
                .then().statusCode(200).body("items.id", contains(a)).body("totalItems", equalTo(1));
        admin.as().queryParam("category", "tops-" + tag).queryParam("option.Size", "L").get("/api/v1/admin/products")
                .then().body("items", empty());
        mine().queryParam("option.Color", "Red").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/admin/products").then().body("items.id", contains(a)).body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2));
        admin.as().queryParam("option.Color", "Red").queryParam("size", 100).get("/api/v1/admin/products").then()
                .statusCode(200).body("items.id", hasItem(a));
    }

    @Test
    void aBlankOptionNameOrValueIs400NamingTheParameter() {
        admin.as().queryParam("option.", "M").get("/api/v1/admin/products").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("option."));
        admin.as().queryParam("option.Size", " ").get("/api/v1/admin/products").then().statusCode(400)
                .body("errors.field", hasItem("option.Size"));
    }
}
