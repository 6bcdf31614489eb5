package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.CountingJdbcDriver;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductListTest {

    Api.Session admin;
    String tag;

    @BeforeEach
    void products() {
        admin = Api.admin();
        // A word only this test's products contain, so other tests' products never get in the way.
        tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Catalog.create(admin, "Banana " + tag, 300, 5);
        Catalog.create(admin, "apple " + tag, 100, 5);
        Catalog.create(admin, "Cherry " + tag, 200, 5);
        String hidden = Catalog.create(admin, "Durian " + tag, 50, 5);
        admin.as().delete("/api/v1/admin/products/" + hidden).then().statusCode(204);
        Map<String, Object> described = Catalog.product("Elderberry", 400, 5);
        described.put("description", "Tagged in the description: " + tag.toUpperCase());
        admin.as().body(described).post("/api/v1/admin/products").then().statusCode(201);
    }

    @Test
    void searchIsCaseInsensitiveOverNameAndDescriptionAndHidesArchived() {
        json().queryParam("q", tag.toUpperCase()).queryParam("sort", "name").get("/api/v1/products").then()
                .statusCode(200).body("totalItems", equalTo(4)).body("totalPages", equalTo(1))
                .body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.name", contains("apple " + tag, "Banana " + tag, "Cherry " + tag, "Elderberry"));
    }

    @Test
    void sortsByPriceAndNewest() {
        json().queryParam("q", tag).queryParam("sort", "price_asc").get("/api/v1/products").then()
                .body("items.priceCents", contains(100, 200, 300, 400));
        json().queryParam("q", tag).queryParam("sort", "price_desc").get("/api/v1/products").then()
                .body("items.priceCents", contains(400, 300, 200, 100));
        json().queryParam("q", tag).get("/api/v1/products").then()
                .body("items.name", contains("Elderberry", "Cherry " + tag, "apple " + tag, "Banana " + tag));
    }

    @Test
    void pagesAreSizedAndCounted() {
        json().queryParam("q", tag).queryParam("sort", "price_asc").queryParam("size", 3).queryParam("page", 1)
                .get("/api/v1/products").then().statusCode(200)
                .body("items.priceCents", contains(400)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("totalItems", equalTo(4)).body("totalPages", equalTo(2));
        json().queryParam("q", tag).queryParam("page", 50).get("/api/v1/products").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(4));
    }

    @Test
    void outOfRangePagingAndUnknownSortsAre400() {
        for (String[] bad : new String[][] {{"size", "0"}, {"size", "101"}, {"page", "-1"}, {"sort", "cheapest"},
                {"size", "abc"}}) {
            json().queryParam(bad[0], bad[1]).get("/api/v1/products").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors.field", hasItem(bad[0]));
        }
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        json().queryParam("q", "%").queryParam("size", 1).get("/api/v1/products").then().statusCode(200);
        json().queryParam("q", tag + "%_").get("/api/v1/products").then().body("totalItems", equalTo(0));
    }

    @Test
    void adminListIncludesArchivedAndFiltersBySkuOrName() {
        admin.as().queryParam("q", tag).get("/api/v1/admin/products").then().statusCode(200)
                .body("totalItems", equalTo(4));
        admin.as().queryParam("q", tag).queryParam("active", false).get("/api/v1/admin/products").then()
                .body("totalItems", equalTo(1)).body("items[0].name", equalTo("Durian " + tag));
    }

    @Test
    void aListPageRunsTheSameNumberOfStatementsWhateverItsSize() {
        for (int i = 0; i < 25; i++) {
            Catalog.create(admin, "Filler " + tag + " " + i, 10 + i, 1);
        }
        long small = statementsFor(2);
        long large = statementsFor(25);
        assertEquals(small, large, "statements for a page of 2 vs a page of 25");
        // Counted at the driver: the page's ids, their rows, the count, their option values, options, variants and
        // images, and their categories. (Hibernate's statistics, counted here before, saw none of these JDBC reads.)
        org.junit.jupiter.api.Assertions.assertTrue(large <= 8, "a list page takes at most 8 statements, took " + large);
    }

    /**
     * The statements the list request prepared, counted at the JDBC driver; only those on the catalog's tables, so a
     * background job (the outbox, the sweeps) running meanwhile is not counted.
     */
    private long statementsFor(int size) {
        CountingJdbcDriver.record();
        json().queryParam("q", tag).queryParam("size", size).get("/api/v1/products").then().statusCode(200);
        return CountingJdbcDriver.stop().stream().filter(sql -> sql.contains("product")).count();
    }

    @Test
    void pagingTheWholeCatalogVisitsEveryActiveProductOnceInOrderForEverySort() {
        for (int i = 0; i < 12; i++) {
            Catalog.create(admin, "Walk " + tag + " " + (char) ('a' + (i * 7) % 12), 100 + (i % 3), 1);
        }
        Map<String, java.util.Comparator<Map<String, Object>>> sorts = Map.of(
                "newest", java.util.Comparator.<Map<String, Object>, java.time.Instant>comparing(
                        p -> java.time.Instant.parse((String) p.get("createdAt"))).reversed(),
                "price_asc", java.util.Comparator.comparing(p -> ((Number) p.get("priceCents")).longValue()),
                "price_desc", java.util.Comparator.<Map<String, Object>, Long>comparing(
                        p -> ((Number) p.get("priceCents")).longValue()).reversed(),
                // The database's collation orders names (spaces and punctuation count differently than in Java):
                // for this sort, every product once is what is checked.
                "name", (a, b) -> 0);
        sorts.forEach((sort, order) -> {
            int total = json().queryParam("sort", sort).get("/api/v1/products").then().statusCode(200)
                    .extract().path("totalItems");
            int size = total > 700 ? 100 : 7;
            java.util.List<Map<String, Object>> all = new java.util.ArrayList<>();
            for (int page = 0; page * size < total; page++) {
                all.addAll(json().queryParam("sort", sort).queryParam("page", page).queryParam("size", size)
                        .get("/api/v1/products").then().statusCode(200).extract().path("items"));
            }
            assertEquals(total, all.size(), sort + ": every product once");
            assertEquals(total, all.stream().map(p -> p.get("id")).distinct().count(), sort + ": no product twice");
            for (int i = 1; i < all.size(); i++) {
                org.junit.jupiter.api.Assertions.assertTrue(order.compare(all.get(i - 1), all.get(i)) <= 0,
                        sort + ": out of order at " + i);
            }
        });
    }

    @Test
    void getBySlugShowsActiveProducts() {
        String id = Catalog.create(admin, "Fig " + tag, 150, 2);
        String slug = admin.as().get("/api/v1/admin/products/" + id).path("slug");
        json().get("/api/v1/products/" + slug).then().statusCode(200).body("id", equalTo(id))
                .body("currency", equalTo("USD"));
        json().get("/api/v1/products/no-such-slug-" + tag).then().statusCode(404).body("code", equalTo("not_found"));
    }
}
