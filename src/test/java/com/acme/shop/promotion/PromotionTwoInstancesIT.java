package com.acme.shop.promotion;

import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.PackagedApp;
import com.acme.shop.support.Parallel;
import com.acme.shop.support.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PromotionCheckoutTest}'s races with several instances on one database (issue 17): the packaged jar runs
 * as two JVMs (prod profile) on a fresh database, carts are prepared on both, and the checkouts are released
 * together, half at each instance. A usage or per-customer limit held in one JVM's memory, or checked by reading
 * then writing, would let more than the limit through here (a read-then-write usage count runs into the CHECK
 * {@code promotion_used_within_limit} instead: 400s where 409s belong, which fails the test too); the guarded
 * updates in PostgreSQL do not.
 * The database: a fresh one on the server of {@code QUARKUS_DATASOURCE_JDBC_URL}, named by
 * {@code INSTANCES_DATABASE} (default {@code shop_two_instances}) and dropped at the end, or an embedded
 * PostgreSQL when no server is configured. The instances' logs: {@code target/two-instances/instance-*.log}.
 */
class PromotionTwoInstancesIT {

    private static final Path LOGS = Path.of("target/two-instances").toAbsolutePath();
    private static final String ADMIN_EMAIL = "admin@instances.test";
    private static final String ADMIN_PASSWORD = "instances-admin-password";
    /** Small JVMs: two of them share a 2-core machine with the test; C1 only, as start-up dominates. */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static TestDatabase database;
    private static final List<PackagedApp> instances = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String adminToken;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        database = TestDatabase.create("INSTANCES_DATABASE", "shop_two_instances", true);
        // Both start at once: Flyway's advisory lock lets one migrate while the other waits.
        for (String name : List.of("a", "b")) {
            Map<String, String> env = PackagedApp.environment(database, PackagedApp.freePort());
            env.put("ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("QUARKUS_MAILER_MOCK", "true");
            env.put("SHOP_HTTP_SECURE_COOKIES", "auto"); // plain http://localhost: the cart cookie must come back
            env.put("RATE_LIMIT_IP_PER_MINUTE", "1000000");
            // Two pools on one server that other tests share; 12 still lets 25 checkouts queue briefly.
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "12");
            instances.add(PackagedApp.start(JVM, env, LOGS.resolve("instance-" + name + ".log")));
        }
        for (PackagedApp instance : instances) {
            instance.awaitReady(Duration.ofSeconds(75));
        }
        adminToken = on(instances.get(0)).body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    @AfterAll
    static void stopInstancesAndDropTheDatabase() throws Exception {
        try {
            for (PackagedApp instance : instances) {
                instance.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void fiftyCheckoutsSplitOverTwoInstancesGiveExactlyTenDiscountsOfACodeLimitedToTen() throws Exception {
        String product = createProduct(instances.get(0), "Two-instance campaign", 1000, 100);
        String code = code();
        String promotion = createPromotion(instances.get(1), code, "percent", 5000, Map.of("usageLimit", 10));
        List<Checkout> checkouts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Prepared on one instance, checked out on the other: all they share is the database.
            String cart = guestCartWith(instance(i), product);
            applyCode(instance(i), cart, code);
            checkouts.add(new Checkout(instance(i + 1), cart, "campaign" + i + "@example.com"));
        }

        List<Answer> responses = placeAtOnce(checkouts);

        String tally = tally(checkouts, responses);
        System.out.println("usage limit 10, statuses per instance: " + tally);
        assertEachInstanceAnswered(checkouts, responses, tally);
        List<Integer> placed = indexes(responses, 201);
        List<Integer> exhausted = exhausted(responses);
        assertEquals(10, placed.size(), "exactly the limit is placed: " + tally);
        assertEquals(40, exhausted.size(), "the others are promotion_exhausted: " + tally);
        for (int i : placed) {
            assertEquals(500, ((Number) responses.get(i).path("order.discountCents")).intValue(), "50 % of 1000");
        }
        assertEquals(10, count("SELECT used_count FROM promotion WHERE id = ?::uuid", promotion));
        assertEquals(10, count("SELECT count(DISTINCT order_id) FROM order_line WHERE product_id = ?::uuid", product),
                "no order but the ten: " + tally);
        assertEquals(10, count("SELECT count(*) FROM customer_order WHERE promotion_code = ?", code));
        assertEquals(10, count("SELECT count(*) FROM promotion_redemption WHERE promotion_id = ?::uuid AND state = 'held'",
                promotion));
        assertEquals(90, count("SELECT sum(stock) FROM product_variant WHERE product_id = ?::uuid", product),
                "only the ten took stock");
        for (PackagedApp instance : instances) {
            asAdmin(instance).get("/api/v1/admin/products/" + product).then().body("stock", equalTo(90));
            asAdmin(instance).get("/api/v1/admin/promotions/" + promotion).then().body("usedCount", equalTo(10));
        }
        // A refused checkout changed nothing: its cart still holds its line (and its code, which the cart no longer
        // shows now that it is used up); a placed one emptied its cart and dropped the code.
        for (int i : exhausted) {
            on(checkouts.get(i).at()).cookie("cart_token", checkouts.get(i).cart()).get("/api/v1/cart").then()
                    .statusCode(200).body("items.size()", equalTo(1)).body("promotion", nullValue());
        }
        assertEquals(40, count("SELECT count(*) FROM cart WHERE promotion_code = ?", code));
    }

    @Test
    void aPerCustomerLimitOfOneHoldsForOneGuestEmailCheckingOutOnBothInstances() throws Exception {
        String product = createProduct(instances.get(1), "Once each, two instances", 1000, 100);
        String code = code();
        String promotion = createPromotion(instances.get(0), code, "fixed", 200, Map.of("perCustomerLimit", 1));
        String email = "once-" + code.toLowerCase(Locale.ROOT) + "@example.com";
        // One customer however they spell their email, each spelling sent to both instances.
        List<String> spellings = List.of(email, email.toUpperCase(Locale.ROOT),
                "Once-" + code.toLowerCase(Locale.ROOT) + "@Example.COM");
        List<Checkout> checkouts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String cart = guestCartWith(instance(i), product);
            applyCode(instance(i), cart, code);
            checkouts.add(new Checkout(instance(i + 1), cart, spellings.get(i % spellings.size())));
        }

        List<Answer> responses = placeAtOnce(checkouts);

        String tally = tally(checkouts, responses);
        System.out.println("per-customer limit 1, statuses per instance: " + tally);
        assertEachInstanceAnswered(checkouts, responses, tally);
        assertEquals(1, indexes(responses, 201).size(), "one order for the one customer: " + tally);
        assertEquals(9, exhausted(responses).size(), "the others are promotion_exhausted: " + tally);
        assertEquals(1, count("SELECT used FROM promotion_customer_use WHERE promotion_id = ?::uuid AND customer_key = ?",
                promotion, "email:" + email));
        assertEquals(1, count("SELECT count(*) FROM promotion_customer_use WHERE promotion_id = ?::uuid", promotion));
        // The nine refused checkouts' redemptions were rolled back with them (a code without a usage limit keeps no
        // counter: its uses are its held redemptions).
        assertEquals(1, count("SELECT count(*) FROM promotion_redemption WHERE promotion_id = ?::uuid AND state = 'held'",
                promotion));
        assertEquals(1, count("SELECT count(*) FROM promotion_redemption WHERE promotion_id = ?::uuid", promotion));
        assertEquals(1, count("SELECT count(*) FROM customer_order WHERE promotion_code = ?", code));
        assertEquals(99, count("SELECT sum(stock) FROM product_variant WHERE product_id = ?::uuid", product));
    }

    /** A guest checkout of one prepared cart, at one instance. */
    private record Checkout(PackagedApp at, String cart, String email) {

        HttpRequest request() throws Exception {
            return HttpRequest.newBuilder(URI.create(at.baseUrl() + "/api/v1/checkout"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Cookie", "cart_token=" + cart).header("Idempotency-Key", newKey())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(checkoutBody(email))))
                    .timeout(Parallel.TIMEOUT).build();
        }
    }

    /** A checkout's answer: its status and body. */
    private record Answer(int statusCode, String asString) {

        <T> T path(String path) {
            return JsonPath.from(asString).get(path);
        }
    }

    /**
     * Sends the checkouts released together, in order. The requests are built before the gate and sent with the JDK's
     * client, whose sending costs little: REST Assured's own work per request would spread the sends over tens of
     * milliseconds, as long as a warm instance takes to place an order, and the race would be a queue.
     */
    private static List<Answer> placeAtOnce(List<Checkout> checkouts) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (Checkout checkout : checkouts) {
            requests.add(checkout.request());
        }
        return Parallel.run(requests.size(), i -> () -> {
            HttpResponse<String> response = HTTP.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        });
    }

    /** Instances taken in turn: a, b, a, b, ... */
    private static PackagedApp instance(int i) {
        return instances.get(i % instances.size());
    }

    private static RequestSpecification on(PackagedApp instance) {
        return Api.json().baseUri("http://localhost").port(instance.port());
    }

    private static RequestSpecification asAdmin(PackagedApp instance) {
        return on(instance).auth().oauth2(adminToken);
    }

    private static String code() {
        return "TWO" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    private static String createProduct(PackagedApp instance, String name, long priceCents, int stock) {
        return asAdmin(instance).body(Catalog.product(name, priceCents, stock)).post("/api/v1/admin/products").then()
                .statusCode(201).extract().path("id");
    }

    private static String createPromotion(PackagedApp instance, String code, String type, long value,
            Map<String, Object> limits) {
        Map<String, Object> body = new HashMap<>(limits);
        body.put("code", code);
        body.put("type", type);
        body.put("value", value);
        return asAdmin(instance).body(body).post("/api/v1/admin/promotions").then().statusCode(201).extract().path("id");
    }

    /** A new guest cart holding one of the product; its cookie. */
    private static String guestCartWith(PackagedApp instance, String product) {
        Response response = on(instance).body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items");
        response.then().statusCode(200);
        return response.getCookie("cart_token");
    }

    private static void applyCode(PackagedApp instance, String cart, String code) {
        on(instance).cookie("cart_token", cart).body(Map.of("code", code)).post("/api/v1/cart/promotions").then()
                .statusCode(200).body("promotion.code", equalTo(code));
    }

    private static List<Integer> indexes(List<Answer> responses, int status) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).statusCode() == status) {
                found.add(i);
            }
        }
        return found;
    }

    private static List<Integer> exhausted(List<Answer> responses) {
        return indexes(responses, 409).stream()
                .filter(i -> "promotion_exhausted".equals(responses.get(i).path("code"))).toList();
    }

    /** Both instances served: each answered its half with a 201 or a 409 (not an error, not a refused connection). */
    private static void assertEachInstanceAnswered(List<Checkout> checkouts, List<Answer> responses, String tally) {
        for (PackagedApp instance : instances) {
            long sent = checkouts.stream().filter(c -> c.at() == instance).count();
            long answered = 0;
            for (int i = 0; i < checkouts.size(); i++) {
                int status = responses.get(i).statusCode();
                if (checkouts.get(i).at() == instance && (status == 201 || status == 409)) {
                    answered++;
                }
            }
            assertTrue(sent > 0, "no checkout was sent to " + instance.baseUrl());
            assertEquals(sent, answered, instance.baseUrl() + " answered each of its checkouts: " + tally);
        }
    }

    /**
     * Per instance, how many of each status it answered, and the first body of each status other than 201 and 409
     * promotion_exhausted: for the failure messages.
     */
    private static String tally(List<Checkout> checkouts, List<Answer> responses) {
        Map<String, Map<Integer, Integer>> byInstance = new TreeMap<>();
        Map<Integer, String> unexpected = new TreeMap<>();
        for (int i = 0; i < checkouts.size(); i++) {
            Answer response = responses.get(i);
            byInstance.computeIfAbsent(checkouts.get(i).at().baseUrl(), k -> new TreeMap<>())
                    .merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() != 201 && !(response.statusCode() == 409
                    && "promotion_exhausted".equals(response.path("code")))) {
                unexpected.putIfAbsent(response.statusCode(), response.asString());
            }
        }
        return byInstance + (unexpected.isEmpty() ? "" : ", unexpected: " + unexpected);
    }

    /** The first column of the one row, as a number (counts, used_count, a sum of stock). */
    private static long count(String sql, Object... params) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no row from: " + sql);
                return rs.getLong(1);
            }
        }
    }
}
