package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Categories;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryTest {

    Api.Session admin;
    String tag;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
        tag = Categories.tag();
    }

    @Test
    void createAnswers201WithLocationAndDerivesTheSlug() {
        Response response = admin.as().body(Map.of("name", "  Garden & Patio " + tag + " ")).post("/api/v1/admin/categories");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/admin/categories/" + response.path("id")))
                .body("name", equalTo("Garden & Patio " + tag)).body("slug", equalTo("garden-and-patio-" + tag))
                .body("parentId", nullValue()).body("position", notNullValue())
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue());
        // Location can be followed as it is.
        admin.as().get(java.net.URI.create(response.header("Location")).getPath()).then().statusCode(200)
                .body("slug", equalTo("garden-and-patio-" + tag));
    }

    @Test
    void derivedSlugsAreNumberedOnClashAndExplicitClashesAreSlugTaken() {
        String name = "Crème Brûlée " + tag;
        for (String expected : new String[] {"creme-brulee-" + tag, "creme-brulee-" + tag + "-2", "creme-brulee-" + tag + "-3"}) {
            admin.as().body(Map.of("name", name)).post("/api/v1/admin/categories").then().statusCode(201)
                    .body("slug", equalTo(expected));
        }
        admin.as().body(Map.of("name", "Other", "slug", "creme-brulee-" + tag)).post("/api/v1/admin/categories")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("slug_taken"));
        String id = Categories.create(admin, "Renamed " + tag, "renamed-" + tag, null);
        admin.as().body(Map.of("slug", "creme-brulee-" + tag + "-2")).patch("/api/v1/admin/categories/" + id)
                .then().statusCode(409).body("code", equalTo("slug_taken"));
        admin.as().get("/api/v1/admin/categories/" + id).then().body("slug", equalTo("renamed-" + tag));
    }

    @Test
    void aCategoryAndAProductMayShareASlug() {
        String slug = "shared-" + tag;
        Map<String, Object> product = com.acme.shop.support.Catalog.product("Shared", 100, 1);
        product.put("slug", slug);
        admin.as().body(product).post("/api/v1/admin/products").then().statusCode(201);
        Categories.create(admin, "Shared", slug, null);
    }

    @Test
    void theTreeNestsChildrenInDisplayOrder() {
        String root = Categories.create(admin, "Clothing " + tag, "clothing-" + tag, null);
        String shirts = Categories.create(admin, "Shirts", "shirts-" + tag, root);
        String trousers = Categories.create(admin, "Trousers", "trousers-" + tag, root);
        Categories.create(admin, "Polo", "polo-" + tag, shirts);
        // Children come in position order: new ones go last; a position moves one forward.
        admin.as().body(Map.of("position", 0)).patch("/api/v1/admin/categories/" + trousers).then().statusCode(200);
        admin.as().body(Map.of("position", 5)).patch("/api/v1/admin/categories/" + shirts).then().statusCode(200);
        String path = "find { it.slug == 'clothing-" + tag + "' }";
        json().get("/api/v1/categories").then().statusCode(200)
                .body(path + ".id", equalTo(root))
                .body(path + ".name", equalTo("Clothing " + tag))
                .body(path + ".children.slug", contains("trousers-" + tag, "shirts-" + tag))
                .body(path + ".children[1].children.slug", contains("polo-" + tag))
                .body(path + ".children[1].children[0].children", empty())
                .body(path + ".children[0].keySet()", hasItems("id", "slug", "name", "children"));
    }

    @Test
    void patchRenamesAndMovesAndNullMovesToTheTop() {
        String a = Categories.create(admin, "A " + tag, "a-" + tag, null);
        String b = Categories.create(admin, "B " + tag, "b-" + tag, null);
        String c = Categories.create(admin, "C " + tag, "c-" + tag, a);
        admin.as().body(Map.of("name", "C renamed")).patch("/api/v1/admin/categories/" + c).then().statusCode(200)
                .body("name", equalTo("C renamed")).body("slug", equalTo("c-" + tag)).body("parentId", equalTo(a));
        admin.as().body(Map.of("parentId", b)).patch("/api/v1/admin/categories/" + c).then().statusCode(200)
                .body("parentId", equalTo(b)).body("name", equalTo("C renamed"));
        json().get("/api/v1/categories").then()
                .body("find { it.slug == 'b-" + tag + "' }.children.id", contains(c))
                .body("find { it.slug == 'a-" + tag + "' }.children", empty());
        Map<String, Object> toTop = new HashMap<>();
        toTop.put("parentId", null);
        admin.as().body(toTop).patch("/api/v1/admin/categories/" + c).then().statusCode(200).body("parentId", nullValue());
        json().get("/api/v1/categories").then().body("find { it.slug == 'c-" + tag + "' }.id", equalTo(c));
    }

    @Test
    void aMoveUnderItselfOrADescendantIsConflictAndChangesNothing() {
        String a = Categories.create(admin, "A", "a-" + tag, null);
        String b = Categories.create(admin, "B", "b-" + tag, a);
        String c = Categories.create(admin, "C", "c-" + tag, b);
        for (String target : List.of(a, b, c)) {
            admin.as().body(Map.of("parentId", target, "name", "Changed")).patch("/api/v1/admin/categories/" + a)
                    .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("conflict"));
        }
        admin.as().get("/api/v1/admin/categories/" + a).then().body("parentId", nullValue()).body("name", equalTo("A"));
    }

    @Test
    void deleteRefusesACategoryWithChildrenAndKeepsTheProducts() {
        String parent = Categories.create(admin, "Parent", "parent-" + tag, null);
        String child = Categories.create(admin, "Child", "child-" + tag, parent);
        admin.as().delete("/api/v1/admin/categories/" + parent).then().statusCode(409).body("code", equalTo("conflict"));
        Map<String, Object> product = com.acme.shop.support.Catalog.product("Filed " + tag, 100, 1);
        product.put("categoryIds", List.of(child, parent));
        String productId = admin.as().body(product).post("/api/v1/admin/products").then().statusCode(201)
                .extract().path("id");
        admin.as().delete("/api/v1/admin/categories/" + child).then().statusCode(204);
        admin.as().get("/api/v1/admin/categories/" + child).then().statusCode(404);
        admin.as().get("/api/v1/admin/products/" + productId).then().statusCode(200)
                .body("categories.id", contains(parent));
        admin.as().delete("/api/v1/admin/categories/" + parent).then().statusCode(204);
        admin.as().get("/api/v1/admin/products/" + productId).then().statusCode(200).body("categories", empty());
    }

    @Test
    void unknownIdsAre404AndAnUnknownParentIs400() {
        String id = UUID.randomUUID().toString();
        admin.as().get("/api/v1/admin/categories/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        admin.as().body(Map.of("name", "x")).patch("/api/v1/admin/categories/" + id).then().statusCode(404)
                .body("code", equalTo("not_found"));
        admin.as().delete("/api/v1/admin/categories/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        admin.as().body(Map.of("name", "Orphan", "parentId", id)).post("/api/v1/admin/categories").then()
                .statusCode(400).body("code", equalTo("validation_failed")).body("errors.field", contains("parentId"));
        String real = Categories.create(admin, "Real", "real-" + tag, null);
        admin.as().body(Map.of("parentId", id)).patch("/api/v1/admin/categories/" + real).then().statusCode(400)
                .body("errors.field", contains("parentId"));
    }

    @Test
    void badInputIs400ProblemNamingEachField() {
        admin.as().body(Map.of("name", " ", "slug", "Not A Slug", "position", -1)).post("/api/v1/admin/categories")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", hasItems("name", "slug", "position"));
        admin.as().body(Map.of("slug", "ok-" + tag)).post("/api/v1/admin/categories").then().statusCode(400)
                .body("errors.field", contains("name"));
        admin.as().body("{\"name\":\"x\",\"parentId\":\"not-a-uuid\"}").post("/api/v1/admin/categories").then()
                .statusCode(400).body("code", equalTo("validation_failed"));
        String id = Categories.create(admin, "Fine", "fine-" + tag, null);
        admin.as().body("{\"parentId\":42}").patch("/api/v1/admin/categories/" + id).then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        admin.as().body(Map.of("name", "")).patch("/api/v1/admin/categories/" + id).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.everyItem(equalTo("name")));
        admin.as().body("").patch("/api/v1/admin/categories/" + id).then().statusCode(400);
    }

    @Test
    void theTreeIsACacheableReadThatChangesWithEveryCategoryWrite() {
        Response first = json().get("/api/v1/categories");
        first.then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.startsWith("public, max-age="))
                .header("ETag", notNullValue());
        json().header("If-None-Match", first.header("ETag")).get("/api/v1/categories").then().statusCode(304);
        String id = Categories.create(admin, "Cache " + tag, "cache-" + tag, null);
        Response created = json().get("/api/v1/categories");
        org.junit.jupiter.api.Assertions.assertNotEquals(first.header("ETag"), created.header("ETag"));
        created.then().body("find { it.slug == 'cache-" + tag + "' }.id", equalTo(id));
        admin.as().body(Map.of("name", "Cache renamed " + tag)).patch("/api/v1/admin/categories/" + id).then().statusCode(200);
        json().header("If-None-Match", created.header("ETag")).get("/api/v1/categories").then().statusCode(200)
                .body("find { it.slug == 'cache-" + tag + "' }.name", equalTo("Cache renamed " + tag));
        admin.as().delete("/api/v1/admin/categories/" + id).then().statusCode(204);
        json().get("/api/v1/categories").then().body("find { it.slug == 'cache-" + tag + "' }", nullValue());
    }

    @Test
    void adminEndpointsNeedATokenAndTheAdminRole() {
        String id = UUID.randomUUID().toString();
        String[][] calls = {{"POST", "/api/v1/admin/categories"}, {"GET", "/api/v1/admin/categories/" + id},
                {"PATCH", "/api/v1/admin/categories/" + id}, {"DELETE", "/api/v1/admin/categories/" + id}};
        Api.Session customer = Api.newCustomer();
        for (String[] call : calls) {
            json().body("{}").request(call[0], call[1]).then().statusCode(401).body("code", equalTo("unauthorized"));
            customer.as().body("{}").request(call[0], call[1]).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("forbidden"));
        }
        json().get("/api/v1/categories").then().statusCode(200);
    }
}
