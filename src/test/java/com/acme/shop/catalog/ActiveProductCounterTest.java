package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unfiltered storefront list takes its total from a trigger-kept counter; it must equal count(*). */
@QuarkusTest
class ActiveProductCounterTest {

    @Inject
    Db db;

    @Inject
    CatalogCache cache;

    private void assertCounterExact() {
        // Some of the writes below are raw SQL, which the instance's cached reads cannot see (as a write made through
        // another instance): drop them, as such a write shows after SHOP_CATALOG_ORIGIN_CACHE.
        cache.changed();
        long counted = db.count("SELECT count(*) FROM product WHERE active");
        assertEquals(counted, db.count("SELECT active_products FROM catalog_counter"));
        assertEquals(counted, ((Number) json().get("/api/v1/products").path("totalItems")).longValue());
    }

    @Test
    void everyWayOfWritingProductsKeepsTheCountExact() throws Exception {
        Api.Session admin = Api.admin();
        assertCounterExact();
        String a = Catalog.create(admin, "Counted A", 100, 1);
        Map<String, Object> inactive = Catalog.product("Counted inactive", 100, 1);
        inactive.put("active", false);
        String b = admin.as().body(inactive).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
        assertCounterExact();

        Map<String, Object> bulkOff = Catalog.product("Bulk off", 1, 1);
        bulkOff.put("active", false);
        admin.as().body(List.of(Catalog.product("Bulk on 1", 1, 1), Catalog.product("Bulk on 2", 1, 1), bulkOff))
                .post("/api/v1/admin/products/bulk").then().statusCode(201);
        assertCounterExact();

        admin.as().delete("/api/v1/admin/products/" + a).then().statusCode(204);
        admin.as().delete("/api/v1/admin/products/" + a).then().statusCode(204);
        admin.as().body(Map.of("active", true)).patch("/api/v1/admin/products/" + b).then().statusCode(200);
        admin.as().body(Map.of("priceCents", 5)).patch("/api/v1/admin/products/" + b).then().statusCode(200);
        assertCounterExact();

        admin.as().body(List.of(Map.of("id", a, "active", true), Map.of("id", b, "active", false)))
                .patch("/api/v1/admin/products/bulk").then().statusCode(200);
        assertCounterExact();

        String sku = Catalog.uniqueSku();
        String csv = "sku,name,slug,description,price,stock,active,image_url\n" + sku + ",Csv one,,,1,1,false,\n"
                + Catalog.uniqueSku() + ",Csv two,,,1,1,,\n";
        given().auth().oauth2(admin.accessToken()).contentType("text/csv").body(csv)
                .post("/api/v1/admin/products/import").then().statusCode(200);
        given().auth().oauth2(admin.accessToken()).contentType("text/csv")
                .body("sku,name,slug,description,price,stock,active,image_url\n" + sku + ",Csv one,,,1,1,true,\n")
                .post("/api/v1/admin/products/import").then().statusCode(200);
        assertCounterExact();
    }

    @Test
    void statementsThatChangeManyProductsAtOnceKeepTheCountExact() {
        Api.Session admin = Api.admin();
        String header = "sku,name,slug,description,price,stock,active,image_url\n";
        List<String> skus = new ArrayList<>();
        StringBuilder on = new StringBuilder(header);
        StringBuilder off = new StringBuilder(header);
        for (int i = 0; i < 300; i++) {
            String sku = Catalog.uniqueSku();
            skus.add(sku);
            on.append(sku).append(",Counted in bulk ").append(i).append(",,,1,1,true,\n");
            off.append(sku).append(",Counted in bulk ").append(i).append(",,,1,1,").append(i % 3 == 0).append(",\n");
        }
        given().auth().oauth2(admin.accessToken()).contentType("text/csv").body(on.toString())
                .post("/api/v1/admin/products/import").then().statusCode(200);
        assertCounterExact();
        given().auth().oauth2(admin.accessToken()).contentType("text/csv").body(off.toString())
                .post("/api/v1/admin/products/import").then().statusCode(200).body("updated", equalTo(300));
        assertCounterExact();

        List<Map<String, Object>> reactivate = new ArrayList<>();
        for (String id : db.<String>values("SELECT id::text FROM product WHERE sku = ANY(string_to_array(?, ','))", String.join(",", skus))) {
            reactivate.add(Map.of("id", id, "active", true));
        }
        admin.as().body(reactivate).patch("/api/v1/admin/products/bulk").then().statusCode(200);
        assertCounterExact();

        // Products are archived, never deleted, by the API; the counter follows a DELETE all the same.
        db.execute("UPDATE product SET active = (hashtext(sku) % 2 = 0) WHERE sku = ANY(string_to_array(?, ','))", String.join(",", skus));
        assertCounterExact();
        db.execute("DELETE FROM product WHERE sku = ANY(string_to_array(?, ','))", String.join(",", skus));
        assertCounterExact();
    }
}
