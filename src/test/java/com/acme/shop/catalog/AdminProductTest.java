package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminProductTest {

    Api.Session admin;

    @Inject
    Db db;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    @Test
    void createAnswers201WithLocationAndTheFullProduct() {
        Map<String, Object> body = Catalog.product("Walnut Desk", 45900, 7);
        body.put("description", "Solid walnut");
        body.put("imageUrl", "https://img.example/desk.jpg");
        Response response = admin.as().body(body).post("/api/v1/admin/products");
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/admin/products/" + response.path("id")))
                .body("sku", equalTo(body.get("sku"))).body("slug", equalTo("walnut-desk"))
                .body("name", equalTo("Walnut Desk")).body("description", equalTo("Solid walnut"))
                .body("priceCents", equalTo(45900)).body("currency", equalTo("USD")).body("stock", equalTo(7))
                .body("active", equalTo(true)).body("imageUrl", equalTo("https://img.example/desk.jpg"))
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue()).body("version", equalTo(0));
        // Location can be followed as it is (Quarkus REST puts the /api root path in front of a relative one).
        admin.as().get(java.net.URI.create(response.header("Location")).getPath()).then().statusCode(200)
                .body("sku", equalTo(body.get("sku")));
    }

    @Test
    void fieldsNotGivenAreNullNotMissing() {
        String id = Catalog.create(admin, "Plain Thing " + UUID.randomUUID(), 100, 1);
        admin.as().get("/api/v1/admin/products/" + id).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasKey("description")).body("description", nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("imageUrl")).body("imageUrl", nullValue());
    }

    @Test
    void derivedSlugsAreFoldedAndNumberedOnClash() {
        String name = "Crème Brûlée Set " + UUID.randomUUID().toString().substring(0, 8) + "!";
        String base = Slugs.derive(name);
        org.junit.jupiter.api.Assertions.assertTrue(base.startsWith("creme-brulee-set-"), base);
        for (String expected : new String[] {base, base + "-2", base + "-3"}) {
            admin.as().body(Catalog.product(name, 1200, 1)).post("/api/v1/admin/products")
                    .then().statusCode(201).body("slug", equalTo(expected));
        }
    }

    @Test
    void anExplicitSlugThatClashesIsSlugTaken() {
        Map<String, Object> first = Catalog.product("Lamp", 100, 1);
        String slug = "lamp-" + UUID.randomUUID();
        first.put("slug", slug);
        admin.as().body(first).post("/api/v1/admin/products").then().statusCode(201).body("slug", equalTo(slug));
        Map<String, Object> second = Catalog.product("Other Lamp", 100, 1);
        second.put("slug", slug);
        admin.as().body(second).post("/api/v1/admin/products").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("slug_taken"));
    }

    @Test
    void aDuplicateSkuIsSkuTaken() {
        Map<String, Object> first = Catalog.product("Chair", 100, 1);
        admin.as().body(first).post("/api/v1/admin/products").then().statusCode(201);
        Map<String, Object> second = Catalog.product("Another Chair", 100, 1);
        second.put("sku", first.get("sku"));
        admin.as().body(second).post("/api/v1/admin/products").then().statusCode(409).body("code", equalTo("sku_taken"));
    }

    @Test
    void invalidProductsAre400WithEveryField() {
        admin.as().body(Map.of("sku", "bad sku!", "name", " ", "priceCents", -1, "stock", -5, "slug", "Not A Slug",
                        "imageUrl", "javascript:alert(1)"))
                .post("/api/v1/admin/products").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors.field", hasItems("sku", "name", "priceCents", "stock", "slug", "imageUrl"));
        admin.as().body("{\"sku\":\"A1\",\"name\":\"x\",\"priceCents\":\"cheap\",\"stock\":1}")
                .post("/api/v1/admin/products").then().statusCode(400).body("errors[0].field", equalTo("priceCents"));
        admin.as().body("{\"sku\":\"A1\",\"name\":\"x\",\"priceCents\":12.5,\"stock\":1}")
                .post("/api/v1/admin/products").then().statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        String id = Catalog.create(admin, "Teapot", 2500, 3);
        admin.as().body(Map.of("priceCents", 2700, "version", 0)).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("priceCents", equalTo(2700)).body("name", equalTo("Teapot"))
                .body("stock", equalTo(3)).body("version", equalTo(1));
        admin.as().body(Map.of("description", "Cast iron")).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("description", equalTo("Cast iron")).body("version", equalTo(2));
        admin.as().body(Map.of("description", "")).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("description", nullValue());
    }

    @Test
    void aStaleVersionIsVersionConflictAndChangesNothing() {
        String id = Catalog.create(admin, "Kettle", 3000, 3);
        admin.as().body(Map.of("priceCents", 3100, "version", 0)).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200);
        admin.as().body(Map.of("priceCents", 9999, "version", 0)).patch("/api/v1/admin/products/" + id)
                .then().statusCode(409).body("code", equalTo("version_conflict"));
        admin.as().get("/api/v1/admin/products/" + id).then().body("priceCents", equalTo(3100));
    }

    @Test
    void patchToATakenSkuIsSkuTaken() {
        Map<String, Object> other = Catalog.product("Spoon", 100, 1);
        admin.as().body(other).post("/api/v1/admin/products").then().statusCode(201);
        String id = Catalog.create(admin, "Fork", 100, 1);
        admin.as().body(Map.of("sku", other.get("sku"))).patch("/api/v1/admin/products/" + id)
                .then().statusCode(409).body("code", equalTo("sku_taken"));
        admin.as().body(Map.of("stock", -1)).patch("/api/v1/admin/products/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("stock"));
    }

    @Test
    void deleteArchivesTheProduct() {
        String name = "Archived Vase " + UUID.randomUUID();
        String id = Catalog.create(admin, name, 5000, 2);
        String slug = admin.as().get("/api/v1/admin/products/" + id).path("slug");
        json().get("/api/v1/products/" + slug).then().statusCode(200);
        admin.as().delete("/api/v1/admin/products/" + id).then().statusCode(204);
        json().get("/api/v1/products/" + slug).then().statusCode(404).body("code", equalTo("not_found"));
        admin.as().get("/api/v1/admin/products/" + id).then().statusCode(200).body("active", equalTo(false));
        admin.as().queryParam("q", name).queryParam("active", false).get("/api/v1/admin/products")
                .then().statusCode(200).body("totalItems", equalTo(1));
        json().queryParam("q", name).get("/api/v1/products").then().body("totalItems", equalTo(0));
    }

    /**
     * Archiving is one guarded update that compares no version: edits racing it never fail it (each edit is applied
     * or, racing another edit, refused as a version conflict, as ever), and archiving twice at once archives once.
     */
    @Test
    void archiveRacingEditsAndItselfNeverFails() throws Exception {
        String id = Catalog.create(admin, "Raced Vase " + UUID.randomUUID(), 5000, 2);
        List<Response> answers = Parallel.run(12, i -> () -> i % 4 == 0
                ? admin.as().delete("/api/v1/admin/products/" + id)
                : admin.as().body(Map.of("name", "Raced Vase edit " + i)).patch("/api/v1/admin/products/" + id));
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            if (i % 4 == 0) {
                assertEquals(204, answer.statusCode(), answer.asString());
            } else if (answer.statusCode() != 200) {
                assertEquals(409, answer.statusCode(), answer.asString());
                assertEquals("version_conflict", answer.path("code"));
            }
        }
        admin.as().get("/api/v1/admin/products/" + id).then().statusCode(200).body("active", equalTo(false));
        assertEquals(1, db.count("SELECT count(*) FROM admin_audit WHERE action = 'product.archived' AND entity_id = ?",
                id));
    }

    /** The elements of a product's lists are validated one by one, and a problem names the element's field. */
    @Test
    void aBadListElementIsNamedByItsIndex() {
        String sku = "LIST-" + UUID.randomUUID();
        admin.as().body(Map.of("sku", sku, "name", "Listed", "priceCents", 100, "stock", 1,
                "images", List.of(Map.of("url", "https://img.example.com/a.jpg"), Map.of("url", "not a url"))))
                .post("/api/v1/admin/products")
                .then().statusCode(400).body("errors.field", hasItems("images[1].url"));
        String id = Catalog.create(admin, "Listed " + sku, 100, 1);
        admin.as().body(Map.of("images", List.of(Map.of("url", "ftp://nope")))).patch("/api/v1/admin/products/" + id)
                .then().statusCode(400).body("errors.field", hasItems("images[0].url"));
    }

    @Test
    void unknownIdsAre404() {
        String id = UUID.randomUUID().toString();
        admin.as().get("/api/v1/admin/products/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        admin.as().body(Map.of("stock", 1)).patch("/api/v1/admin/products/" + id).then().statusCode(404);
        admin.as().delete("/api/v1/admin/products/" + id).then().statusCode(404);
        admin.as().get("/api/v1/admin/products/not-a-uuid").then().statusCode(404);
    }
}
