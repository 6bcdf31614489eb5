package com.acme.shop.catalog;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Categories;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API.md, "Variants, images and categories": the storefront list's variant filters and facets. */
@QuarkusTest
@SuppressWarnings("unchecked")
class ProductFiltersTest {

    Api.Session admin;
    String tag;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
        tag = Categories.tag();
    }

    private static Map<String, Object> variant(String sku, Map<String, String> options, long price, int stock,
            boolean active) {
        Map<String, Object> v = new HashMap<>();
        v.put("sku", sku);
        v.put("options", options);
        v.put("priceCents", price);
        v.put("stock", stock);
        v.put("active", active);
        return v;
    }

    private String product(String name, List<Map<String, Object>> options, List<Map<String, Object>> variants,
            List<String> categoryIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + " " + tag);
        body.put("options", options);
        body.put("variants", variants);
        body.put("categoryIds", categoryIds);
        return admin.as().body(body).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
    }

    private String sku() {
        return Catalog.uniqueSku();
    }

    private RequestSpecification mine() {
        return json().queryParam("q", tag);
    }

    @Test
    void eachFilterAloneAndCombinedWithSearchSortAndCategory() {
        String cat = Categories.create(admin, "Tops", "tops-" + tag, null);
        List<Map<String, Object>> colourSize = List.of(Map.of("name", "Color", "values", List.of("Red", "Blue", "Green")),
                Map.of("name", "Size", "values", List.of("S", "M", "L")));
        // A: Red/S 10.00 sold out, Blue/M 30.00 in stock
        String a = product("Alpha", colourSize, List.of(variant(sku(), Map.of("Color", "Red", "Size", "S"), 1000, 0, true),
                variant(sku(), Map.of("Color", "Blue", "Size", "M"), 3000, 2, true)), List.of(cat));
        // B: a v1 product, 20.00, sold out
        Map<String, Object> plain = Catalog.product("Beta " + tag, 2000, 0);
        String b = admin.as().body(plain).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
        // C: Red/M 50.00 in stock; an archived Green/L at 1.00 with stock is never offered
        String c = product("Gamma", colourSize, List.of(variant(sku(), Map.of("Color", "Red", "Size", "M"), 5000, 1, true),
                variant(sku(), Map.of("Color", "Green", "Size", "L"), 100, 9, false)), List.of(cat));

        mine().queryParam("minPriceCents", 2500).get("/api/v1/products").then().statusCode(200)
                .body("items.id", containsInAnyOrder(a, c)).body("totalItems", equalTo(2));
        mine().queryParam("maxPriceCents", 1500).get("/api/v1/products").then().body("items.id", contains(a));
        mine().queryParam("minPriceCents", 1500).queryParam("maxPriceCents", 2500).get("/api/v1/products").then()
                .body("items.id", contains(b));
        mine().queryParam("minPriceCents", 3000).queryParam("maxPriceCents", 3000).get("/api/v1/products").then()
                .body("items.id", contains(a));
        mine().queryParam("inStock", true).get("/api/v1/products").then().body("items.id", containsInAnyOrder(a, c));
        mine().queryParam("inStock", false).get("/api/v1/products").then().body("items.id", containsInAnyOrder(a, b, c));
        mine().queryParam("option.Color", "Red").get("/api/v1/products").then().body("items.id", containsInAnyOrder(a, c));
        mine().queryParam("option.Size", "M").get("/api/v1/products").then().body("items.id", containsInAnyOrder(a, c));
        mine().queryParam("option.Color", "Green").get("/api/v1/products").then().statusCode(200).body("items", empty());
        // One variant must have every asked value: A is Red/S and Blue/M, never Red/M.
        mine().queryParam("option.Color", "Red").queryParam("option.Size", "M").get("/api/v1/products").then()
                .body("items.id", contains(c)).body("totalItems", equalTo(1));
        mine().queryParam("option.Color", "Blue").queryParam("option.Size", "M").get("/api/v1/products").then()
                .body("items.id", contains(a));
        // ... and all the variant filters together: A's Red is sold out.
        mine().queryParam("option.Color", "Red").queryParam("inStock", true).get("/api/v1/products").then()
                .body("items.id", contains(c));
        mine().queryParam("option.Color", "Red").queryParam("maxPriceCents", 2000).get("/api/v1/products").then()
                .body("items.id", contains(a));
        mine().queryParam("option.Color", "Blue").queryParam("maxPriceCents", 2000).get("/api/v1/products").then()
                .body("items", empty());
        // Unknown names and values match nothing; a repeated name asks one variant for both values.
        mine().queryParam("option.Fabric", "Silk").get("/api/v1/products").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(0));
        mine().queryParam("option.Color", "Purple").get("/api/v1/products").then().statusCode(200).body("items", empty());
        mine().queryParam("option.Color", "Red", "Blue").get("/api/v1/products").then().statusCode(200).body("items", empty());
        // With sort and paging.
        mine().queryParam("minPriceCents", 0).queryParam("sort", "price_asc").get("/api/v1/products").then()
                .body("items.id", contains(a, b, c));
        mine().queryParam("minPriceCents", 0).queryParam("sort", "price_desc").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/products").then().body("items.id", contains(a)).body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        // With a category (filters and category both apply).
        json().queryParam("category", "tops-" + tag).queryParam("option.Size", "M").get("/api/v1/products").then()
                .body("items.id", containsInAnyOrder(a, c));
        json().queryParam("category", "tops-" + tag).queryParam("option.Color", "Red").queryParam("inStock", true)
                .get("/api/v1/products").then().body("items.id", contains(c));
        json().queryParam("category", "tops-" + tag).queryParam("maxPriceCents", 2500).get("/api/v1/products").then()
                .body("items.id", contains(a));
        json().queryParam("category", "nowhere-" + tag).queryParam("inStock", true).queryParam("facets", true)
                .get("/api/v1/products").then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0))
                .body("facets.categories", empty()).body("facets.options", empty());
        // The archived product is gone from every filter.
        admin.as().delete("/api/v1/admin/products/" + c).then().statusCode(204);
        mine().queryParam("option.Size", "M").get("/api/v1/products").then().body("items.id", contains(a));
    }

    @Test
    void badFilterValuesAre400NamingTheField() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("minPriceCents=-1", "minPriceCents");
        bad.put("maxPriceCents=abc", "maxPriceCents");
        bad.put("minPriceCents=1.5", "minPriceCents");
        bad.put("minPriceCents=500&maxPriceCents=400", "minPriceCents");
        bad.put("inStock=yes", "inStock");
        bad.put("facets=1", "facets");
        bad.put("option.=Red", "option.");
        bad.put("option.Color=", "option.Color");
        Map<String, Integer> statuses = new LinkedHashMap<>();
        bad.keySet().forEach(query -> statuses.put(query, json().get("/api/v1/products?" + query).statusCode()));
        assertEquals(bad.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> 400)), statuses);
        for (Map.Entry<String, String> e : bad.entrySet()) {
            json().get("/api/v1/products?" + e.getKey()).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors.field", contains(e.getValue()));
        }
        json().get("/api/v1/products?minPriceCents=400&maxPriceCents=400").then().statusCode(200);
        json().get("/api/v1/products?maxPriceCents=").then().statusCode(200); // empty: absent, as for q and category
        // NUL (PostgreSQL text refuses it) and the filter tokens' separator (U+001F) in every filter: never a 5xx.
        for (String query : List.of("category=%00", "category=a%00b&facets=true", "option.Size=%00&facets=true",
                "option.%00=M", "option.Size=M%1FL&facets=true", "option.Si%1Fze=M&option.Color=Red&facets=true",
                "q=%00&option.Size=M&facets=true", "category=%1F&inStock=true&facets=true")) {
            int status = json().urlEncodingEnabled(false).get("/api/v1/products?" + query).statusCode();
            assertTrue(status < 500, query + " answered " + status);
        }
    }

    @Test
    void v1AnswersAreUnchangedAndFilteredOnesStayCacheable() {
        Catalog.create(admin, "Plain " + tag, 700, 3);
        JsonPath v1 = mine().get("/api/v1/products").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("items", "page", "size", "totalItems", "totalPages"), v1.getMap("$").keySet());
        JsonPath noFacets = mine().queryParam("facets", false).get("/api/v1/products").then().extract().jsonPath();
        assertEquals(v1.getMap("$"), noFacets.getMap("$"));
        mine().queryParam("facets", true).get("/api/v1/products").then().body("facets", notNullValue())
                .body("facets.price.minCents", equalTo(700)).body("facets.price.maxCents", equalTo(700));

        String path = "/api/v1/products?q=" + tag + "&inStock=true&option.Size=M&facets=true";
        String etag = json().get(path).then().statusCode(200).header("Cache-Control", equalTo("public, max-age=30"))
                .header("ETag", notNullValue()).extract().header("ETag");
        json().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", equalTo(etag));
        String other = json().get("/api/v1/products?q=" + tag + "&inStock=true").then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(etag, other);
        json().header("If-None-Match", etag).get("/api/v1/products?q=" + tag + "&inStock=true").then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    // --- facets against a brute-force count over a randomized catalog ---

    record V(Map<String, String> options, long price, int stock) {
    }

    record P(String id, List<V> variants, Set<String> categorySlugs) {
    }

    @Test
    void facetCountsAgreeWithABruteForceCountOverARandomCatalog() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String root = Categories.create(admin, "Root", "root-" + tag, null);
        String kids = Categories.create(admin, "Kids", "kids-" + tag, root);
        String babies = Categories.create(admin, "Babies", "babies-" + tag, kids);
        String sale = Categories.create(admin, "Sale", "sale-" + tag, null);
        List<String> cats = List.of(root, kids, babies, sale);
        List<String> colours = List.of("Red", "Blue", "Green");
        List<String> sizes = List.of("S", "M", "L");
        for (int i = 0; i < 14; i++) {
            List<String> filed = new ArrayList<>();
            for (String cat : cats) {
                if (random.nextInt(3) == 0) {
                    filed.add(cat);
                }
            }
            if (random.nextInt(5) == 0) {
                Map<String, Object> plain = Catalog.product("Plain " + i + " " + tag, 100 + random.nextInt(5000),
                        random.nextInt(3));
                plain.put("categoryIds", filed);
                admin.as().body(plain).post("/api/v1/admin/products").then().statusCode(201);
                continue;
            }
            boolean withSize = random.nextBoolean();
            List<Map<String, Object>> options = new ArrayList<>();
            options.add(Map.of("name", "Color", "values", colours));
            if (withSize) {
                options.add(Map.of("name", "Size", "values", sizes));
            }
            List<Map<String, Object>> variants = new ArrayList<>();
            for (String colour : colours) {
                for (String size : withSize ? sizes : List.of("")) {
                    if (random.nextInt(5) < 2) {
                        continue;
                    }
                    Map<String, String> combination = withSize ? Map.of("Color", colour, "Size", size)
                            : Map.of("Color", colour);
                    variants.add(variant(sku(), combination, 100 + random.nextInt(5000), random.nextInt(3),
                            random.nextInt(6) != 0));
                }
            }
            if (variants.isEmpty()) {
                variants.add(variant(sku(), withSize ? Map.of("Color", "Red", "Size", "S") : Map.of("Color", "Red"),
                        999, 1, true));
            }
            variants.get(0).put("active", true); // at least one active variant
            String id = product("Rand " + i, options, variants, filed);
            if (random.nextInt(8) == 0) {
                admin.as().delete("/api/v1/admin/products/" + id).then().statusCode(204);
            }
        }
        List<String> randomOptions = List.of(colours.get(random.nextInt(3)), sizes.get(random.nextInt(3)));
        Map<String, String> parents = new HashMap<>(Map.of("kids-" + tag, "root-" + tag, "babies-" + tag, "kids-" + tag));
        String where = "seed " + seed;
        facetsAgree(parents, randomOptions, where);

        // The products' filter tokens (V18) follow every change that alters what a filter finds: a category moved
        // (its products get other ancestors), an option renamed and a variant archived, a product unfiled, a category
        // deleted.
        admin.as().body(Map.of("parentId", sale)).patch("/api/v1/admin/categories/" + babies).then().statusCode(200);
        parents.put("babies-" + tag, "sale-" + tag);
        facetsAgree(parents, randomOptions, where + ", babies moved under sale");

        String renamed = null;
        for (Map<String, Object> item : mine().queryParam("size", 100).get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items")) {
            if (((List<?>) item.get("variants")).size() > 1 && !((List<?>) item.get("categories")).isEmpty()) {
                renamed = (String) item.get("id");
                break;
            }
        }
        JsonPath stored = admin.as().get("/api/v1/admin/products/" + renamed).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> options = new ArrayList<>();
        for (Map<String, Object> o : stored.<Map<String, Object>>getList("options")) {
            options.add(Map.of("name", o.get("name").equals("Color") ? "Colour" : o.get("name"), "values", o.get("values")));
        }
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Map<String, Object> v : stored.<Map<String, Object>>getList("variants")) {
            Map<String, String> combination = new HashMap<>((Map<String, String>) v.get("options"));
            combination.put("Colour", combination.remove("Color"));
            Map<String, Object> item = variant((String) v.get("sku"), combination, ((Number) v.get("priceCents")).longValue(),
                    ((Number) v.get("stock")).intValue(), (Boolean) v.get("active") && variants.size() != 1);
            item.put("id", v.get("id"));
            variants.add(item);
        }
        admin.as().body(Map.of("version", stored.getLong("version"), "options", options, "variants", variants))
                .put("/api/v1/admin/products/" + renamed + "/variants").then().statusCode(200);
        facetsAgree(parents, randomOptions, where + ", Color renamed Colour and a variant archived on " + renamed);

        for (Map<String, Object> item : mine().queryParam("size", 100).get("/api/v1/products").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items")) {
            if (!((List<?>) item.get("categories")).isEmpty()) {
                admin.as().body(Map.of("categoryIds", List.of())).patch("/api/v1/admin/products/" + item.get("id"))
                        .then().statusCode(200);
                break;
            }
        }
        facetsAgree(parents, randomOptions, where + ", a product unfiled");

        admin.as().delete("/api/v1/admin/categories/" + babies).then().statusCode(204);
        parents.remove("babies-" + tag);
        facetsAgree(parents, randomOptions, where + ", babies deleted");
    }

    /** Every query's count and facets against a count over the whole catalog as the API shows it. */
    private void facetsAgree(Map<String, String> parents, List<String> randomOptions, String where) {
        // The whole catalog as the API shows it (active products, active variants), the truth to count from.
        List<P> all = new ArrayList<>();
        for (Map<String, Object> item : mine().queryParam("size", 100).get("/api/v1/products").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items")) {
            List<V> variants = new ArrayList<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) item.get("variants")) {
                variants.add(new V((Map<String, String>) v.get("options"), ((Number) v.get("priceCents")).longValue(),
                        ((Number) v.get("stock")).intValue()));
            }
            Set<String> slugs = new TreeSet<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) item.get("categories")) {
                String slug = (String) c.get("slug");
                while (slug != null) {
                    slugs.add(slug);
                    slug = parents.get(slug);
                }
            }
            all.add(new P((String) item.get("id"), variants, slugs));
        }

        List<Map<String, Object>> queries = new ArrayList<>();
        queries.add(Map.of());
        queries.add(Map.of("inStock", true));
        queries.add(Map.of("option.Color", "Red"));
        queries.add(Map.of("option.Size", "M", "inStock", true));
        queries.add(Map.of("minPriceCents", 1000, "maxPriceCents", 3500));
        queries.add(Map.of("category", "kids-" + tag));
        queries.add(Map.of("category", "root-" + tag, "option.Color", "Blue", "maxPriceCents", 4000));
        queries.add(Map.of("option.Color", randomOptions.get(0), "option.Size", randomOptions.get(1)));
        queries.add(Map.of("category", "sale-" + tag));
        queries.add(Map.of("option.Colour", "Red"));
        for (Map<String, Object> query : queries) {
            String at = where + ", query " + query;
            Predicate<V> passes = v -> (!query.containsKey("inStock") || v.stock() > 0)
                    && (!query.containsKey("minPriceCents") || v.price() >= ((Number) query.get("minPriceCents")).longValue())
                    && (!query.containsKey("maxPriceCents") || v.price() <= ((Number) query.get("maxPriceCents")).longValue())
                    && query.entrySet().stream().filter(e -> e.getKey().startsWith("option."))
                            .allMatch(e -> e.getValue().equals(v.options().get(e.getKey().substring(7))));
            List<P> result = all.stream()
                    .filter(p -> !query.containsKey("category") || p.categorySlugs().contains(query.get("category")))
                    .filter(p -> p.variants().stream().anyMatch(passes)).toList();
            Map<String, Long> categories = new TreeMap<>();
            Map<String, Map<String, Long>> options = new TreeMap<>();
            Long min = null;
            Long max = null;
            for (P p : result) {
                p.categorySlugs().forEach(s -> categories.merge(s, 1L, Long::sum));
                Map<String, Set<String>> values = new HashMap<>();
                for (V v : p.variants()) {
                    if (passes.test(v)) {
                        v.options().forEach((n, value) -> values.computeIfAbsent(n, k -> new TreeSet<>()).add(value));
                        min = min == null ? v.price() : Math.min(min, v.price());
                        max = max == null ? v.price() : Math.max(max, v.price());
                    }
                }
                values.forEach((n, vs) -> vs.forEach(value ->
                        options.computeIfAbsent(n, k -> new TreeMap<>()).merge(value, 1L, Long::sum)));
            }

            JsonPath answer = mine().queryParams(query).queryParam("facets", true).queryParam("size", 5)
                    .get("/api/v1/products").then().statusCode(200).extract().jsonPath();
            assertEquals(result.size(), answer.getInt("totalItems"), at);
            Map<String, Long> gotCategories = new TreeMap<>();
            for (Map<String, Object> c : answer.<Map<String, Object>>getList("facets.categories")) {
                gotCategories.put((String) c.get("slug"), ((Number) c.get("count")).longValue());
            }
            // Products in the result may also sit in other tests' categories: compare this test's only.
            gotCategories.keySet().removeIf(slug -> !slug.endsWith("-" + tag));
            assertEquals(categories, gotCategories, at);
            Map<String, Map<String, Long>> gotOptions = new TreeMap<>();
            for (Map<String, Object> o : answer.<Map<String, Object>>getList("facets.options")) {
                Map<String, Long> values = new TreeMap<>();
                for (Map<String, Object> v : (List<Map<String, Object>>) o.get("values")) {
                    values.put((String) v.get("value"), ((Number) v.get("count")).longValue());
                }
                gotOptions.put((String) o.get("name"), values);
            }
            assertEquals(options, gotOptions, at);
            assertEquals(min, answer.get("facets.price.minCents") == null ? null
                    : ((Number) answer.get("facets.price.minCents")).longValue(), at);
            assertEquals(max, answer.get("facets.price.maxCents") == null ? null
                    : ((Number) answer.get("facets.price.maxCents")).longValue(), at);
            assertFalse(answer.getList("items").size() > 5, at);
        }
    }
}