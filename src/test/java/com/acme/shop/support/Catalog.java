package com.acme.shop.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test data for the catalog, made through the admin API. */
public final class Catalog {

    private Catalog() {
    }

    public static String uniqueSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 18);
    }

    public static Map<String, Object> product(String name, long priceCents, int stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", uniqueSku());
        body.put("name", name);
        body.put("priceCents", priceCents);
        body.put("stock", stock);
        return body;
    }

    /** Creates an active product and returns its id. */
    public static String create(Api.Session admin, String name, long priceCents, int stock) {
        return admin.as().body(product(name, priceCents, stock)).post("/api/v1/admin/products")
                .then().statusCode(201).extract().path("id");
    }
}
