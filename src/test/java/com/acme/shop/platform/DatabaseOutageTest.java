package com.acme.shop.platform;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL is unreachable, requests that need it answer 503 service_unavailable with Retry-After (never
 * 500) and readiness is down; once it is back the same process serves again, and a checkout retried with its
 * Idempotency-Key places its order once.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** A database of this test's own, which it stops and starts. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableDatabase.class));
        }
    }

    @Inject
    Db db;

    /** Whatever happened to the test, the database runs for the next one and for shutdown. */
    @AfterEach
    void databaseRunsAgain() {
        RestartableDatabase.ensureRunning();
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("service_unavailable")).body("status", equalTo(503));
        assertTrue(Long.parseLong(response.header("Retry-After")) > 0);
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503AndTheServiceRecoversWithoutARestart() {
        Api.Session admin = Api.admin();
        String product = Catalog.create(admin, "Outage Item", 1000, 10);
        String firstEmail = Api.uniqueEmail();
        String firstKey = newKey();
        String firstCart = guestCartWith(product, 1);
        String placed = guestCheckout(firstCart, firstKey, checkoutBody(firstEmail)).then().statusCode(201)
                .extract().asString();
        String email = Api.uniqueEmail();
        String key = newKey();
        String cart = guestCartWith(product, 2);
        given().get("/q/health/ready").then().statusCode(200);

        RestartableDatabase.stopDatabase();

        assertUnavailable(given().get("/api/v1/products"));
        assertUnavailable(guestCheckout(cart, key, checkoutBody(email)));
        assertUnavailable(json().body(Map.of("number", "SO-1", "email", email)).post("/api/v1/orders/lookup"));
        assertUnavailable(json().body(Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD))
                .post("/api/v1/auth/login"));
        assertUnavailable(admin.as().get("/api/v1/admin/orders"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        RestartableDatabase.startDatabase();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/api/v1/products").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        admin.as().get("/api/v1/admin/orders").then().statusCode(200);

        // the checkout refused during the outage left nothing behind: its retry places the order, once
        String retried = guestCheckout(cart, key, checkoutBody(email)).then().statusCode(201).extract().asString();
        guestCheckout(cart, key, checkoutBody(email)).then().statusCode(201).body(equalTo(retried));
        assertEquals(1L, db.count("SELECT count(*) FROM customer_order WHERE email = ?", email));
        // the one placed before the outage replays
        guestCheckout(firstCart, firstKey, checkoutBody(firstEmail)).then().statusCode(201).body(equalTo(placed));
        assertEquals(1L, db.count("SELECT count(*) FROM customer_order WHERE email = ?", firstEmail));
        assertEquals(7, (int) admin.as().get("/api/v1/admin/products/" + product).path("stock"));
    }
}
