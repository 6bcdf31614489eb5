package com.acme.shop.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Shopping;
import com.acme.shop.platform.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API.md, "Caching and privacy of responses": ETag, Cache-Control and 304 on the public catalog reads. */
@QuarkusTest
class CatalogCacheTest {

    Api.Session admin;
    String tag;
    String id;
    String slug;

    @BeforeEach
    void product() {
        admin = Api.admin();
        tag = "zc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        id = Catalog.create(admin, "Cached kettle " + tag, 1500, 3);
        slug = admin.as().get("/api/v1/admin/products/" + id).then().statusCode(200).extract().path("slug");
    }

    @Test
    void listAndProductCarryAnETagAndAPublicMaxAge() {
        for (String path : new String[] {"/api/v1/products?q=" + tag, "/api/v1/products/" + slug}) {
            given().get(path).then().statusCode(200)
                    .header("ETag", notNullValue())
                    .header("Cache-Control", equalTo("public, max-age=30"))
                    .contentType("application/json");
        }
    }

    @Test
    void aMatchingIfNoneMatchIs304WithoutABody() {
        for (String path : new String[] {"/api/v1/products?q=" + tag, "/api/v1/products/" + slug}) {
            String etag = given().get(path).then().statusCode(200).extract().header("ETag");
            given().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, max-age=30"))
                    .body(emptyString());
            // In a list, as a CDN holding several versions sends it, and as "*".
            given().header("If-None-Match", "W/\"older\", " + etag).get(path).then().statusCode(304);
            given().header("If-None-Match", "*").get(path).then().statusCode(304);
            given().header("If-None-Match", "W/\"something-else\"").get(path).then().statusCode(200)
                    .header("ETag", equalTo(etag));
        }
    }

    @Test
    void theETagIsTheSameForTheSameAnswerAndChangesWithIt() {
        String path = "/api/v1/products/" + slug;
        Response first = given().get(path);
        Response again = given().get(path);
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.asString(), again.asString());

        // A write through this instance shows at once: the copy this instance kept is dropped at its commit.
        admin.as().body(Map.of("priceCents", 1700)).patch("/api/v1/admin/products/" + id).then().statusCode(200);
        Response changed = given().header("If-None-Match", first.header("ETag")).get(path);
        assertEquals(200, changed.statusCode());
        assertEquals(1700, (int) changed.path("priceCents"));
        assertNotEquals(first.header("ETag"), changed.header("ETag"));
        given().get("/api/v1/products?q=" + tag).then().body("items[0].priceCents", equalTo(1700));
    }

    @Test
    void stockTakenByACheckoutShowsAtOnce() {
        String path = "/api/v1/products/" + slug;
        given().get(path).then().body("stock", equalTo(3));
        given().get("/api/v1/products?q=" + tag).then().body("items[0].stock", equalTo(3));
        String cart = Shopping.guestCartWith(id, 2);
        Shopping.guestCheckout(cart, Shopping.newKey(), Shopping.checkoutBody(Api.uniqueEmail())).then().statusCode(201);
        given().get(path).then().body("stock", equalTo(1));
        given().get("/api/v1/products?q=" + tag).then().body("items[0].stock", equalTo(1));
    }

    @Test
    void archivingHidesAtOnceAndErrorsAreNotCached() {
        given().get("/api/v1/products/" + slug).then().statusCode(200);
        admin.as().delete("/api/v1/admin/products/" + id).then().statusCode(204);
        given().get("/api/v1/products/" + slug).then().statusCode(404)
                .header("Cache-Control", equalTo("no-store")).header("ETag", equalTo(null));
        given().get("/api/v1/products?q=" + tag).then().body("totalItems", equalTo(0));
    }

    @Test
    void theTagIsADigestOfTheBytes() {
        EntityTag a = CatalogCache.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        EntityTag b = CatalogCache.etag("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a, b);
        assertTrue(a.isWeak());
        assertEquals(a, CatalogCache.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(CatalogCache.matches("\"" + a.getValue() + "\"", a));
        assertTrue(CatalogCache.matches(" W/\"x\" ,W/\"" + a.getValue() + "\"", a));
        assertFalse(CatalogCache.matches("W/\"" + b.getValue() + "\"", a));
        assertFalse(CatalogCache.matches(a.getValue(), a)); // unquoted: not an entity tag
        assertFalse(CatalogCache.matches("", a));
        assertFalse(CatalogCache.matches(null, a));
        assertTrue(given().get("/api/v1/products/" + slug).header("ETag").startsWith("W/\""));
        assertFalse(given().get("/api/v1/products/" + slug).header("ETag").contains(","), "one tag");
        given().get("/api/v1/products/" + slug).then().header("ETag", not(equalTo("")));
    }

    @Inject
    CatalogCache cache;

    /** Requests that miss the same read at once wait for one render; a failed render fails them all alike. */
    @Test
    void concurrentMissesOfOneReadRenderItOnce() throws Exception {
        String key = "/api/v1/test-only/" + UUID.randomUUID();
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<jakarta.ws.rs.core.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> cache.respond(key, null, () -> {
                    renders.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Map.of("rendered", true);
                })));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> renders.get() >= 1);
            release.countDown();
            Set<EntityTag> tags = new HashSet<>();
            for (Future<jakarta.ws.rs.core.Response> answer : answers) {
                tags.add(answer.get(10, TimeUnit.SECONDS).getEntityTag());
            }
            assertEquals(1, renders.get());
            assertEquals(1, tags.size());

            String failing = key + "/gone";
            CountDownLatch fail = new CountDownLatch(1);
            AtomicInteger attempts = new AtomicInteger();
            List<Future<jakarta.ws.rs.core.Response>> failed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                failed.add(clients.submit(() -> cache.respond(failing, null, () -> {
                    attempts.incrementAndGet();
                    try {
                        fail.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    throw ApiException.notFound("Product");
                })));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 1);
            fail.countDown();
            for (Future<jakarta.ws.rs.core.Response> answer : failed) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof ApiException, e.toString());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
