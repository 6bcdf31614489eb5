package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkProductsTest {

    Api.Session admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    @Test
    void bulkCreateWritesEveryItemAndAnswersTheIdsInOrder() {
        String tag = "bulk" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(Catalog.product("Same Name " + tag, 100 + i, i));
        }
        Response response = admin.as().body(items).post("/api/v1/admin/products/bulk");
        response.then().statusCode(201).body("created", equalTo(500)).body("ids", hasSize(500));
        String firstId = response.path("ids[0]");
        admin.as().get("/api/v1/admin/products/" + firstId).then().body("priceCents", equalTo(100))
                .body("slug", equalTo("same-name-" + tag));
        String lastId = response.path("ids[499]");
        admin.as().get("/api/v1/admin/products/" + lastId).then().body("priceCents", equalTo(599))
                .body("slug", equalTo("same-name-" + tag + "-500"));
    }

    @Test
    void everyBadItemIsReportedByIndexAndNothingIsWritten() {
        Map<String, Object> existing = Catalog.product("Existing", 100, 1);
        admin.as().body(existing).post("/api/v1/admin/products").then().statusCode(201);
        Map<String, Object> good = Catalog.product("Good", 100, 1);
        Map<String, Object> negative = Catalog.product("Negative", -1, 1);
        Map<String, Object> duplicate = Catalog.product("Duplicate", 100, 1);
        duplicate.put("sku", good.get("sku"));
        Map<String, Object> clash = Catalog.product("Clash", 100, 1);
        clash.put("sku", existing.get("sku"));
        Map<String, Object> noName = Catalog.product(null, 100, -3);
        admin.as().body(List.of(good, negative, duplicate, clash, noName)).post("/api/v1/admin/products/bulk")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("bulk_validation_failed"))
                .body("errors.collect { it.index + ':' + it.field }",
                        containsInAnyOrder("1:priceCents", "2:sku", "3:sku", "4:name", "4:stock"));
        admin.as().queryParam("q", good.get("sku")).get("/api/v1/admin/products").then().body("totalItems", equalTo(0));
    }

    @Test
    void aBadItemAfterThousandsOfGoodOnesWritesNothing() {
        String tag = "late" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            items.add(Catalog.product("Late " + tag, 100, 1));
        }
        items.add(Catalog.product("Late " + tag, 100, -1));
        admin.as().body(items).post("/api/v1/admin/products/bulk").then().statusCode(422)
                .body("errors.collect { it.index + ':' + it.field }", containsInAnyOrder("3000:stock"));
        admin.as().queryParam("q", tag).get("/api/v1/admin/products").then().body("totalItems", equalTo(0));
    }

    @Test
    void aValueTheDatabaseCannotStoreIs400AndWritesNothing() {
        String tag = "nul" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            items.add(Catalog.product("Nul " + tag, 100, 1));
        }
        items.get(2500).put("description", "before" + (char) 0 + "after");
        admin.as().body(items).post("/api/v1/admin/products/bulk").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"));
        admin.as().queryParam("q", tag).get("/api/v1/admin/products").then().body("totalItems", equalTo(0));
    }

    @Test
    void parallelBulkCreatesOfOneNameAllSucceedWithDistinctSlugs() throws Exception {
        // Each clash on a derived slug sends the losers round again; three attempts serve three racing calls.
        String name = "Crowded " + UUID.randomUUID().toString().substring(0, 8);
        int calls = 3;
        int each = 200;
        List<Response> responses = Parallel.run(calls, c -> () -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                items.add(Catalog.product(name, 100, 1));
            }
            return admin.as().body(items).post("/api/v1/admin/products/bulk");
        });
        for (Response response : responses) {
            response.then().statusCode(201).body("created", equalTo(each));
        }
        List<String> slugs = new ArrayList<>();
        for (int page = 0; page * 100 < calls * each; page++) {
            slugs.addAll(admin.as().queryParam("q", name).queryParam("size", 100).queryParam("page", page)
                    .get("/api/v1/admin/products").then().statusCode(200).extract().<List<String>>path("items.slug"));
        }
        assertEquals(calls * each, slugs.size());
        assertEquals(calls * each, new HashSet<>(slugs).size());
        assertTrue(slugs.contains(Slugs.derive(name)));
        assertTrue(slugs.contains(Slugs.candidate(Slugs.derive(name), calls * each)));
    }

    @Test
    void aBodyThatIsNotAnArrayOfProductsIs400() {
        admin.as().body(Map.of("sku", "x")).post("/api/v1/admin/products/bulk").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        admin.as().body("[1, 2]").post("/api/v1/admin/products/bulk").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        admin.as().body("[{\"sku\": \"A\", \"priceCents\": \"x\"}]").post("/api/v1/admin/products/bulk")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        admin.as().body("[{]").post("/api/v1/admin/products/bulk").then().statusCode(400);
    }

    @Test
    void moreThanTenThousandItemsIsRefused() {
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> item = Catalog.product("Many", 1, 1);
        for (int i = 0; i < 10_001; i++) {
            items.add(item);
        }
        admin.as().body(items).post("/api/v1/admin/products/bulk").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void bulkUpdateChangesEveryItemOrNothing() {
        String a = Catalog.create(admin, "Bulk A", 100, 1);
        String b = Catalog.create(admin, "Bulk B", 200, 2);
        admin.as().body(List.of(Map.of("id", a, "priceCents", 150), Map.of("id", b, "stock", 20, "version", 0)))
                .patch("/api/v1/admin/products/bulk").then().statusCode(200).body("updated", equalTo(2));
        admin.as().get("/api/v1/admin/products/" + a).then().body("priceCents", equalTo(150)).body("stock", equalTo(1))
                .body("version", equalTo(1));
        admin.as().get("/api/v1/admin/products/" + b).then().body("stock", equalTo(20)).body("priceCents", equalTo(200));

        String unknown = UUID.randomUUID().toString();
        Map<String, Object> stale = new HashMap<>(Map.of("id", b, "stock", 99, "version", 0));
        admin.as().body(List.of(Map.of("id", a, "priceCents", 999), Map.of("id", unknown, "stock", 1), stale,
                        Map.of("id", a, "stock", 5), Map.of("stock", 1)))
                .patch("/api/v1/admin/products/bulk").then().statusCode(422)
                .body("code", equalTo("bulk_validation_failed"))
                .body("errors.collect { it.index + ':' + it.field }",
                        containsInAnyOrder("1:id", "2:version", "3:id", "4:id"));
        admin.as().get("/api/v1/admin/products/" + a).then().body("priceCents", equalTo(150));
    }

    @Test
    void bulkUpdateRefusesSkusThatOtherProductsHave() {
        Map<String, Object> other = Catalog.product("Other", 100, 1);
        admin.as().body(other).post("/api/v1/admin/products").then().statusCode(201);
        String a = Catalog.create(admin, "Renamed", 100, 1);
        admin.as().body(List.of(Map.of("id", a, "sku", other.get("sku"))))
                .patch("/api/v1/admin/products/bulk").then().statusCode(422)
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("sku"));
        json().get("/api/v1/products").then().statusCode(200);
    }
}
