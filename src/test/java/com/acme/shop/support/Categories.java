package com.acme.shop.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Test data for the category tree, made through the admin API. */
public final class Categories {

    private Categories() {
    }

    /** A word only one test's categories carry in their names and slugs. */
    public static String tag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Creates a category with this explicit slug (null parent: top level) and returns its id. */
    public static String create(Api.Session admin, String name, String slug, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("slug", slug);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return admin.as().body(body).post("/api/v1/admin/categories").then().statusCode(201).extract().path("id");
    }
}
