package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Categories;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductCategoryTest {

    @jakarta.inject.Inject
    com.acme.shop.support.Db db;

    Api.Session admin;
    String tag;
    String clothing;
    String shirts;
    String polos;
    String shoes;

    @BeforeEach
    void tree() {
        admin = Api.admin();
        tag = Categories.tag();
        clothing = Categories.create(admin, "Clothing", "clothing-" + tag, null);
        shirts = Categories.create(admin, "Shirts", "shirts-" + tag, clothing);
        polos = Categories.create(admin, "Polos", "polos-" + tag, shirts);
        shoes = Categories.create(admin, "Shoes", "shoes-" + tag, null);
    }

    private String product(String name, long priceCents, List<String> categoryIds) {
        Map<String, Object> body = Catalog.product(name + " " + tag, priceCents, 5);
        body.put("categoryIds", categoryIds);
        return admin.as().body(body).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
    }

    @Test
    void createAndPatchFileTheProductAndEveryAnswerShowsItsCategories() {
        Map<String, Object> body = Catalog.product("Linen shirt " + tag, 4500, 3);
        body.put("categoryIds", List.of(shirts, clothing, shirts));
        String id = admin.as().body(body).post("/api/v1/admin/products").then().statusCode(201)
                .body("categories.id", containsInAnyOrder(clothing, shirts))
                .body("categories.find { it.id == '" + shirts + "' }.slug", equalTo("shirts-" + tag))
                .body("categories.find { it.id == '" + shirts + "' }.name", equalTo("Shirts"))
                .extract().path("id");
        String slug = admin.as().get("/api/v1/admin/products/" + id).then().statusCode(200)
                .body("categories.slug", contains("clothing-" + tag, "shirts-" + tag)).extract().path("slug");
        json().get("/api/v1/products/" + slug).then().statusCode(200).body("categories.id", contains(clothing, shirts));
        admin.as().body(Map.of("categoryIds", List.of(shoes), "version", 0)).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("categories.id", contains(shoes)).body("version", equalTo(1));
        admin.as().body(Map.of("name", "Renamed shirt " + tag)).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("categories.id", contains(shoes));
        admin.as().body(Map.of("categoryIds", List.of())).patch("/api/v1/admin/products/" + id)
                .then().statusCode(200).body("categories", empty());
        admin.as().queryParam("q", "Renamed shirt " + tag).get("/api/v1/admin/products").then().statusCode(200)
                .body("items[0].categories", empty());
    }

    @Test
    void unknownCategoryIdsAre400NamingCategoryIdsAndWriteNothing() {
        Map<String, Object> body = Catalog.product("Ghost " + tag, 100, 1);
        body.put("categoryIds", List.of(shirts, UUID.randomUUID().toString()));
        admin.as().body(body).post("/api/v1/admin/products").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", contains("categoryIds"));
        admin.as().queryParam("q", "Ghost " + tag).get("/api/v1/admin/products").then().body("totalItems", equalTo(0));
        String id = product("Kept", 100, List.of(shirts));
        admin.as().body(Map.of("categoryIds", List.of(UUID.randomUUID().toString()), "name", "Changed"))
                .patch("/api/v1/admin/products/" + id).then().statusCode(400).body("errors.field", contains("categoryIds"));
        admin.as().get("/api/v1/admin/products/" + id).then().body("categories.id", contains(shirts))
                .body("name", equalTo("Kept " + tag));
        admin.as().body("{\"categoryIds\":[\"nope\"]}").patch("/api/v1/admin/products/" + id).then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        admin.as().body("{\"categoryIds\":\"" + shirts + "\"}").patch("/api/v1/admin/products/" + id).then()
                .statusCode(400).body("code", equalTo("validation_failed"));
    }

    @Test
    void theCategoryFilterIncludesDescendantsAndCombinesWithSearchAndSort() {
        product("Oxford", 3000, List.of(shirts));
        product("Pique polo", 2000, List.of(polos));
        product("Scarf", 1000, List.of(clothing));
        product("Both", 4000, List.of(polos, clothing)); // listed once, though filed twice under the subtree
        product("Sneaker", 5000, List.of(shoes));
        product("Unfiled", 500, List.of());
        String archived = product("Archived polo", 100, List.of(polos));
        admin.as().delete("/api/v1/admin/products/" + archived).then().statusCode(204);

        json().queryParam("category", "clothing-" + tag).queryParam("sort", "price_asc").get("/api/v1/products").then()
                .statusCode(200).body("totalItems", equalTo(4)).body("totalPages", equalTo(1))
                .body("items.name", contains("Scarf " + tag, "Pique polo " + tag, "Oxford " + tag, "Both " + tag));
        json().queryParam("category", "shirts-" + tag).queryParam("sort", "price_desc").get("/api/v1/products").then()
                .body("items.name", contains("Both " + tag, "Oxford " + tag, "Pique polo " + tag));
        json().queryParam("category", "polos-" + tag).queryParam("sort", "name").get("/api/v1/products").then()
                .body("items.name", contains("Both " + tag, "Pique polo " + tag));
        json().queryParam("category", "clothing-" + tag).queryParam("q", "POLO").get("/api/v1/products").then()
                .body("totalItems", equalTo(1)).body("items.name", contains("Pique polo " + tag));
        json().queryParam("category", "shoes-" + tag).get("/api/v1/products").then()
                .body("items.name", contains("Sneaker " + tag)).body("items[0].categories.slug", contains("shoes-" + tag));
        // Pages count the whole filtered result.
        json().queryParam("category", "clothing-" + tag).queryParam("sort", "price_asc").queryParam("size", 3)
                .queryParam("page", 1).get("/api/v1/products").then().body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2)).body("items.name", contains("Both " + tag));
        json().queryParam("category", "clothing-" + tag).queryParam("size", 2).queryParam("page", 5)
                .get("/api/v1/products").then().statusCode(200).body("items", empty()).body("totalItems", equalTo(4));
    }

    @Test
    void theAdminListFiltersByCategoryIncludingArchivedProducts() {
        String active = product("Active polo", 2000, List.of(polos));
        String archived = product("Archived polo", 1000, List.of(polos));
        product("Sneaker", 5000, List.of(shoes));
        admin.as().delete("/api/v1/admin/products/" + archived).then().statusCode(204);
        admin.as().queryParam("category", "clothing-" + tag).get("/api/v1/admin/products").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.id", contains(archived, active));
        admin.as().queryParam("category", "clothing-" + tag).queryParam("active", false).get("/api/v1/admin/products")
                .then().body("items.id", contains(archived));
        admin.as().queryParam("category", "clothing-" + tag).queryParam("q", "ACTIVE POLO").get("/api/v1/admin/products")
                .then().body("items.id", contains(active));
        admin.as().queryParam("category", "nothing-" + tag).get("/api/v1/admin/products").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void everyPageAgreesWithABruteForceQueryWhicheverWayItIsFound() {
        // Enough products that the first pages walk the sort's index and the later ones read the category in full.
        List<Map<String, Object>> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Map<String, Object> item = Catalog.product("Bulk " + tag + " " + i, 100 + (i * 7919) % 1000, 1);
            item.put("active", i % 10 != 0);
            batch.add(item);
        }
        admin.as().body(batch).post("/api/v1/admin/products/bulk").then().statusCode(201);
        db.execute("INSERT INTO product_category (product_id, category_id) SELECT id, CASE WHEN price_cents % 2 = 0 "
                + "THEN ?::uuid ELSE ?::uuid END FROM product WHERE name LIKE ?", polos, shirts, "Bulk " + tag + " %");
        List<String> expected = db.<UUID>values("SELECT id FROM product WHERE active AND name LIKE ? "
                + "ORDER BY price_cents, id", "Bulk " + tag + " %").stream().map(UUID::toString).toList();
        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page * 20 < expected.size(); page++) {
            io.restassured.path.json.JsonPath answer = json().queryParam("category", "clothing-" + tag)
                    .queryParam("sort", "price_asc").queryParam("page", page).get("/api/v1/products").then()
                    .statusCode(200).body("totalItems", equalTo(expected.size())).extract().jsonPath();
            seen.addAll(answer.getList("items.id"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected, seen);
        admin.as().queryParam("category", "shirts-" + tag).queryParam("size", 100).queryParam("page", 1)
                .get("/api/v1/admin/products").then().statusCode(200).body("totalItems", equalTo(150));
    }

    @Test
    void anUnknownCategoryIsAnEmptyPage() {
        product("Lonely", 100, List.of(shoes));
        for (String slug : List.of("no-such-category-" + tag, "Not A Slug!", "%")) {
            json().queryParam("category", slug).get("/api/v1/products").then().statusCode(200)
                    .body("items", empty()).body("totalItems", equalTo(0)).body("totalPages", equalTo(0));
        }
    }

    @Test
    void aMovedCategoryTakesItsProductsAlongInTheFilter() {
        product("Pique polo", 2000, List.of(polos));
        json().queryParam("category", "shoes-" + tag).get("/api/v1/products").then().body("totalItems", equalTo(0));
        admin.as().body(Map.of("parentId", shoes)).patch("/api/v1/admin/categories/" + polos).then().statusCode(200);
        json().queryParam("category", "shoes-" + tag).get("/api/v1/products").then().body("totalItems", equalTo(1));
        json().queryParam("category", "clothing-" + tag).get("/api/v1/products").then().body("totalItems", equalTo(0));
    }

    @Test
    void v1AnswersKeepTheirShapeWithVariantsAndCategoriesAdded() {
        String id = Catalog.create(admin, "Plain v1 " + tag, 700, 2);
        Set<String> v1 = Set.of("id", "sku", "slug", "name", "description", "priceCents", "currency", "stock", "active",
                "imageUrl", "createdAt", "updatedAt", "version");
        Map<String, Object> shown = admin.as().get("/api/v1/admin/products/" + id).then().statusCode(200)
                .body("categories", empty()).extract().jsonPath().getMap("$");
        org.junit.jupiter.api.Assertions.assertEquals(union(v1, Set.of("options", "variants", "images", "categories")),
                shown.keySet());
        json().queryParam("q", "Plain v1 " + tag).get("/api/v1/products").then().statusCode(200)
                .body("items", everyItem(hasKey("categories"))).body("items[0].categories", empty());
    }

    @Test
    void bulkCallsRefuseCategoryIds() {
        Map<String, Object> item = Catalog.product("Bulk " + tag, 100, 1);
        item.put("categoryIds", List.of(shirts));
        admin.as().body(List.of(item)).post("/api/v1/admin/products/bulk").then().statusCode(422)
                .body("code", equalTo("bulk_validation_failed")).body("errors[0].field", equalTo("categoryIds"))
                .body("errors[0].index", equalTo(0));
        String id = Catalog.create(admin, "Bulk patched " + tag, 100, 1);
        admin.as().body(List.of(Map.of("id", id, "categoryIds", List.of(shirts)))).patch("/api/v1/admin/products/bulk")
                .then().statusCode(422).body("errors[0].field", equalTo("categoryIds"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
