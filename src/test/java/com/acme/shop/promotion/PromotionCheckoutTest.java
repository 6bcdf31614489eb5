package com.acme.shop.promotion;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Categories;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Test pricing: flat shipping 500 below a 5000 subtotal, tax 10 % (1000 basis points). */
@QuarkusTest
class PromotionCheckoutTest {

    @Inject
    Db db;

    @Inject
    PromotionRows rows;

    Api.Session admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    private String code() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private String promotion(String code, String type, long value, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("code", code);
        body.put("type", type);
        body.put("value", value);
        return admin.as().body(body).post("/api/v1/admin/promotions").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification guest(String cookie) {
        return json().cookie("cart_token", cookie);
    }

    private static Response apply(String cookie, String code) {
        return guest(cookie).body(Map.of("code", code)).post("/api/v1/cart/promotions");
    }

    /**
     * A checkout's use of the promotion (no usage limit), taken and held uncommitted in one thread while an admin
     * patches the promotion in another: the patch must wait for the use's commit (checked for half a second), then
     * succeed. The use was taken with no per-customer limit in force.
     */
    private void useInFlightWhile(String id, String customerKey, Map<String, Object> patch) throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> inFlight = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertEquals(Optional.of(new PromotionRows.Use(null)),
                        rows.takeUnlimitedUse(UUID.randomUUID(), UUID.fromString(id), customerKey, 100));
                taken.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            taken.await();
            Future<Integer> update = pool.submit(() -> admin.as().body(patch)
                    .patch("/api/v1/admin/promotions/" + id).statusCode());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !update.isDone());
            commit.countDown();
            inFlight.get();
            assertEquals(200, update.get());
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    /** A guest cart holding one unit of the product, with the code applied. */
    private static String cartWithCode(String product, String code) {
        String cart = guestCartWith(product, 1);
        apply(cart, code).then().statusCode(200);
        return cart;
    }

    @Test
    void applyDiscountsTheQuoteTaxesTheDiscountedSubtotalAndRemoveUndoesIt() {
        String product = Catalog.create(admin, "Promo Mug", 1000, 50);
        String cart = guestCartWith(product, 2);
        String code = code();
        promotion(code, "percent", 1250, Map.of());
        // 12.5 % of 2000 = 250; tax 10 % of 1750 = 175; shipping 500 (subtotal below 5000).
        apply(cart, code.toLowerCase()).then().statusCode(200).body("promotion.code", equalTo(code))
                .body("promotion.discountCents", equalTo(250)).body("discountCents", equalTo(250))
                .body("subtotalCents", equalTo(2000)).body("shippingCents", equalTo(500))
                .body("taxCents", equalTo(175)).body("totalCents", equalTo(2425));
        guest(cart).get("/api/v1/cart").then().body("discountCents", equalTo(250)).body("totalCents", equalTo(2425));
        guest(cart).delete("/api/v1/cart/promotions/" + code.toLowerCase()).then().statusCode(200)
                .body("promotion", nullValue()).body("discountCents", equalTo(0)).body("totalCents", equalTo(2700));
    }

    @Test
    void oneCodePerCartANewOneReplacesIt() {
        String product = Catalog.create(admin, "Promo Plate", 1000, 50);
        String cart = guestCartWith(product, 1);
        String first = code();
        String second = code();
        promotion(first, "fixed", 100, Map.of());
        promotion(second, "free_shipping", 0, Map.of());
        apply(cart, first).then().statusCode(200).body("discountCents", equalTo(100));
        apply(cart, second).then().statusCode(200).body("promotion.code", equalTo(second))
                .body("discountCents", equalTo(0)).body("shippingCents", equalTo(0))
                .body("taxCents", equalTo(100)).body("totalCents", equalTo(1100));
        // A refused code leaves the applied one.
        apply(cart, "nope-" + first).then().statusCode(422);
        guest(cart).get("/api/v1/cart").then().body("promotion.code", equalTo(second));
    }

    @Test
    void eachRefusalHasItsCode() {
        String product = Catalog.create(admin, "Promo Bowl", 1000, 50);
        String cart = guestCartWith(product, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String inactive = code();
        String id = promotion(inactive, "fixed", 100, Map.of());
        admin.as().delete("/api/v1/admin/promotions/" + id).then().statusCode(204);
        String future = code();
        promotion(future, "fixed", 100, Map.of("startsAt", now.plus(1, ChronoUnit.DAYS).toString()));
        String ended = code();
        promotion(ended, "fixed", 100, Map.of("startsAt", now.minus(2, ChronoUnit.DAYS).toString(),
                "endsAt", now.minus(1, ChronoUnit.DAYS).toString()));
        String minimum = code();
        promotion(minimum, "fixed", 100, Map.of("minSubtotalCents", 1001));
        String elsewhere = code();
        String category = Categories.create(admin, "Elsewhere " + elsewhere, "elsewhere-" + elsewhere.toLowerCase(), null);
        promotion(elsewhere, "percent", 1000, Map.of("categoryIds", List.of(category)));
        for (String code : List.of("unknown-" + inactive, inactive, future, ended, minimum, elsewhere)) {
            apply(cart, code).then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("promotion_invalid"));
        }
        String exhausted = code();
        promotion(exhausted, "fixed", 100, Map.of("usageLimit", 0));
        apply(cart, exhausted).then().statusCode(409).body("code", equalTo("promotion_exhausted"));
        guest(cart).body(Map.of("code", " ")).post("/api/v1/cart/promotions").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        guest(cart).get("/api/v1/cart").then().body("promotion", nullValue());
    }

    @Test
    void aCategoryCodeDiscountsOnlyLinesFiledUnderItOrItsDescendantsAndAFixedOneIsCapped() {
        String tag = Categories.tag();
        String parent = Categories.create(admin, "Kitchen " + tag, "kitchen-" + tag, null);
        String child = Categories.create(admin, "Knives " + tag, "knives-" + tag, parent);
        Map<String, Object> knife = Catalog.product("Knife", 1500, 10);
        knife.put("categoryIds", List.of(child));
        String inCategory = admin.as().body(knife).post("/api/v1/admin/products").then().statusCode(201).extract().path("id");
        String other = Catalog.create(admin, "Sofa", 3000, 10);
        String cart = guestCartWith(inCategory, 1);
        guest(cart).body(Map.of("productId", other, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
        String percent = code();
        promotion(percent, "percent", 1000, Map.of("categoryIds", List.of(parent)));
        // 10 % of the knife's 1500 only; shipping 500 (the subtotal, 4500, is below 5000); tax on 4350.
        apply(cart, percent).then().statusCode(200).body("discountCents", equalTo(150))
                .body("shippingCents", equalTo(500)).body("taxCents", equalTo(435)).body("totalCents", equalTo(5285));
        String fixed = code();
        promotion(fixed, "fixed", 100_000, Map.of("categoryIds", List.of(parent)));
        apply(cart, fixed).then().statusCode(200).body("discountCents", equalTo(1500))
                .body("taxCents", equalTo(300)).body("totalCents", equalTo(3800));
        // Placed: the order carries the discount on the knife's line only.
        JsonPath order = guestCheckout(cart, newKey(), checkoutBody("knife@example.com")).then().statusCode(201)
                .extract().jsonPath();
        assertEquals(1500, order.getLong("order.discountCents"));
        assertEquals(fixed, order.getString("order.promotionCode"));
        assertEquals(3800, order.getLong("order.totalCents"));
        List<Map<String, Object>> items = order.getList("order.items");
        for (Map<String, Object> item : items) {
            assertEquals(item.get("productId").equals(inCategory) ? 1500 : 0, ((Number) item.get("discountCents")).intValue());
        }
    }

    @Test
    void aWholeCartFixedCodeNeverMakesTheTotalNegative() {
        String product = Catalog.create(admin, "Cheap", 300, 10);
        String cart = guestCartWith(product, 1);
        String code = code();
        promotion(code, "fixed", 99_999, Map.of());
        apply(cart, code).then().statusCode(200).body("discountCents", equalTo(300)).body("taxCents", equalTo(0))
                .body("totalCents", equalTo(500));
    }

    /** Random carts: the order's lines' discounts add up to its discount and the total is what the cart quoted. */
    @Test
    void randomCartsQuoteWhatCheckoutChargesAndTheLinesAddUp() {
        Random random = new Random(42);
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            products.add(Catalog.create(admin, "Random " + i, 1 + random.nextInt(4_000), 1_000));
        }
        for (int run = 0; run < 15; run++) {
            String cart = null;
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                String product = products.get(random.nextInt(products.size()));
                int quantity = 1 + random.nextInt(5);
                cart = cart == null ? guestCartWith(product, quantity) : cart;
                if (i > 0) {
                    guest(cart).body(Map.of("productId", product, "quantity", quantity)).post("/api/v1/cart/items");
                }
            }
            String code = code();
            if (random.nextBoolean()) {
                promotion(code, "percent", 1 + random.nextInt(10_000), Map.of());
            } else {
                promotion(code, "fixed", 1 + random.nextInt(30_000), Map.of());
            }
            JsonPath quoted = apply(cart, code).then().statusCode(200).extract().jsonPath();
            long total = quoted.getLong("totalCents");
            long discount = quoted.getLong("discountCents");
            assertEquals(quoted.getLong("subtotalCents") - discount + quoted.getLong("shippingCents")
                    + quoted.getLong("taxCents"), total);
            Map<String, Object> body = checkoutBody("random@example.com");
            body.put("expectedTotalCents", total);
            JsonPath order = guestCheckout(cart, newKey(), body).then().statusCode(201).extract().jsonPath();
            assertEquals(total, order.getLong("order.totalCents"));
            assertEquals(discount, order.getLong("order.discountCents"));
            long lines = order.getList("order.items.discountCents", Number.class).stream().mapToLong(Number::longValue).sum();
            assertEquals(discount, lines, "the lines' discounts add up to the order's");
            assertEquals(true, total >= 0);
        }
    }

    @Test
    void fiftyParallelCheckoutsOfACodeLimitedToTenGiveExactlyTenDiscounts() throws Exception {
        String product = Catalog.create(admin, "Campaign", 1000, 100);
        String code = code();
        String id = promotion(code, "percent", 5000, Map.of("usageLimit", 10));
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String cart = cartWithCode(product, code);
            String email = "campaign" + i + "@example.com";
            calls.add(() -> guestCheckout(cart, newKey(), checkoutBody(email)));
        }
        List<Response> responses = Parallel.run(calls);
        long placed = responses.stream().filter(r -> r.statusCode() == 201).count();
        long exhausted = responses.stream().filter(r -> r.statusCode() == 409
                && "promotion_exhausted".equals(r.path("code"))).count();
        assertEquals(10, placed);
        assertEquals(40, exhausted);
        responses.stream().filter(r -> r.statusCode() == 201)
                .forEach(r -> assertEquals(500, ((Number) r.path("order.discountCents")).intValue()));
        assertEquals(90, (int) admin.as().get("/api/v1/admin/products/" + product).path("stock"), "only the 10 took stock");
        assertEquals(10, db.count("SELECT count(*) FROM customer_order WHERE promotion_code = ?", code));
        assertEquals(10, db.count("SELECT count(*) FROM promotion_redemption WHERE promotion_id = ?::uuid", id));
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(10));
    }

    @Test
    void aLimitSetWhileThirtyCheckoutsOfAnUnlimitedCodeRunCountsEveryOneOfThem() throws Exception {
        String product = Catalog.create(admin, "Limit Race", 1000, 100);
        String code = code();
        String id = promotion(code, "fixed", 100, Map.of());
        List<Callable<Response>> calls = new ArrayList<>();
        calls.add(() -> admin.as().body(Map.of("usageLimit", 20)).patch("/api/v1/admin/promotions/" + id));
        for (int i = 0; i < 30; i++) {
            String cart = cartWithCode(product, code);
            String email = "limit-race" + i + "@example.com";
            calls.add(() -> guestCheckout(cart, newKey(), checkoutBody(email)));
        }
        List<Response> responses = Parallel.run(calls);
        List<Response> checkouts = responses.subList(1, responses.size());
        long placed = checkouts.stream().filter(r -> r.statusCode() == 201).count();
        long exhausted = checkouts.stream().filter(r -> r.statusCode() == 409
                && "promotion_exhausted".equals(r.path("code"))).count();
        assertEquals(30, placed + exhausted, "every checkout placed or refused as exhausted");
        long held = db.count("SELECT count(*) FROM promotion_redemption WHERE promotion_id = ?::uuid AND state = 'held'", id);
        assertEquals(placed, held);
        int patched = responses.get(0).statusCode();
        if (patched == 200) {
            // The limit counted every use in flight when it was set: the counter is the uses, and the limit held.
            assertEquals(20, placed);
            assertEquals(held, db.count("SELECT used_count FROM promotion WHERE id = ?::uuid", id));
        } else {
            // More than 20 had been placed when the limit came: refused, and the code stayed without one.
            assertEquals(422, patched);
            assertEquals(30, placed);
        }
    }

    @Test
    void aLimitSetOnACodeWithoutOneWaitsForTheUseInFlightAndCountsIt() throws Exception {
        String product = Catalog.create(admin, "In Flight", 1000, 10);
        String code = code();
        String id = promotion(code, "fixed", 100, Map.of());
        for (int i = 0; i < 2; i++) {
            String cart = cartWithCode(product, code);
            guestCheckout(cart, newKey(), checkoutBody("in-flight" + i + "@example.com")).then().statusCode(201);
        }
        // A checkout's use, taken and not yet committed: the admin's count must wait for it.
        useInFlightWhile(id, "email:late@example.com", Map.of("usageLimit", 3));
        // Three uses counted: the limit of 3 is reached, and the next shopper is refused.
        assertEquals(3L, db.count("SELECT used_count FROM promotion WHERE id = ?::uuid", id));
        String next = guestCartWith(product, 1);
        apply(next, code).then().statusCode(409).body("code", equalTo("promotion_exhausted"));
    }

    @Test
    void aPerCustomerLimitSetOnAUsedCodeStartsEachCustomerFromTheUsesTheyHold() {
        String product = Catalog.create(admin, "Later Limit", 1000, 100);
        String code = code();
        String id = promotion(code, "fixed", 100, Map.of());
        String ada = "ada-" + code.toLowerCase() + "@example.com";
        String bob = "bob-" + code.toLowerCase() + "@example.com";
        String first = guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(ada)).then().statusCode(201)
                .extract().path("order.id");
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(ada)).then().statusCode(201);
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(bob)).then().statusCode(201);
        // Without a per-customer limit no counts are kept; setting one counts what each customer holds.
        assertEquals(0L, db.count("SELECT count(*) FROM promotion_customer_use WHERE promotion_id = ?::uuid", id));
        admin.as().body(Map.of("perCustomerLimit", 2)).patch("/api/v1/admin/promotions/" + id).then().statusCode(200);
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(ada)).then().statusCode(409)
                .body("code", equalTo("promotion_exhausted"));
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(bob)).then().statusCode(201);
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(bob)).then().statusCode(409);
        // A cancel gives a use back to its customer, whether it was counted before the limit was set or not.
        admin.as().body(Map.of("status", "CANCELLED")).patch("/api/v1/admin/orders/" + first + "/status").then()
                .statusCode(200);
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(ada)).then().statusCode(201);
        assertEquals(List.of("email:" + ada + "=2", "email:" + bob + "=2"), db.values(
                "SELECT customer_key || '=' || used FROM promotion_customer_use WHERE promotion_id = ?::uuid "
                        + "ORDER BY customer_key", id));
    }

    @Test
    void aPerCustomerLimitSetWhileAUseIsInFlightWaitsForItAndCountsIt() throws Exception {
        String product = Catalog.create(admin, "In Flight Each", 1000, 10);
        String code = code();
        String id = promotion(code, "fixed", 100, Map.of());
        String late = "late-" + code.toLowerCase() + "@example.com";
        useInFlightWhile(id, "email:" + late, Map.of("perCustomerLimit", 1));
        // The use in flight was counted: its customer has used the code up, another has not.
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody(late)).then().statusCode(409)
                .body("code", equalTo("promotion_exhausted"));
        guestCheckout(cartWithCode(product, code), newKey(), checkoutBody("other-" + late)).then().statusCode(201);
        // A use taken now sees the limit, whatever the cart's check saw before.
        assertEquals(Optional.of(new PromotionRows.Use(1)), QuarkusTransaction.requiringNew().call(() ->
                rows.takeUnlimitedUse(UUID.randomUUID(), UUID.fromString(id), "email:x-" + late, 100)));
    }

    @Test
    void aPerCustomerLimitOfOneHoldsUnderTenParallelCheckoutsOfOneGuestEmail() throws Exception {
        String product = Catalog.create(admin, "Once Each", 1000, 100);
        String code = code();
        promotion(code, "fixed", 200, Map.of("perCustomerLimit", 1));
        String email = "once-" + code.toLowerCase() + "@example.com";
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String cart = cartWithCode(product, code);
            // The same customer, however they spell their email.
            String spelled = i % 2 == 0 ? email : email.toUpperCase();
            calls.add(() -> guestCheckout(cart, newKey(), checkoutBody(spelled)));
        }
        List<Response> responses = Parallel.run(calls);
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(9, responses.stream().filter(r -> r.statusCode() == 409
                && "promotion_exhausted".equals(r.path("code"))).count());
        assertEquals(99, (int) admin.as().get("/api/v1/admin/products/" + product).path("stock"));
    }

    @Test
    void anAccountsLimitCountsItsOrdersAndACancelGivesTheUseBackOnce() {
        String product = Catalog.create(admin, "Account Once", 1000, 100);
        String code = code();
        String id = promotion(code, "fixed", 200, Map.of("perCustomerLimit", 1, "usageLimit", 1));
        Api.Session customer = Api.newCustomer();
        customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
        customer.as().body(Map.of("code", code)).post("/api/v1/cart/promotions").then().statusCode(200);
        String orderId = checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201)
                .body("order.discountCents", equalTo(200)).extract().path("order.id");
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(1));
        // Used up: applying again is refused; a cart holding the code from before is refused at checkout.
        customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
        customer.as().body(Map.of("code", code)).post("/api/v1/cart/promotions").then().statusCode(409)
                .body("code", equalTo("promotion_exhausted"));
        // Cancelled before payment: the use comes back, once.
        admin.as().body(Map.of("status", "CANCELLED")).patch("/api/v1/admin/orders/" + orderId + "/status").then()
                .statusCode(200);
        admin.as().body(Map.of("status", "CANCELLED")).patch("/api/v1/admin/orders/" + orderId + "/status");
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(0));
        assertEquals("released", db.value("SELECT state FROM promotion_redemption WHERE order_id = ?::uuid", orderId));
        customer.as().body(Map.of("code", code)).post("/api/v1/cart/promotions").then().statusCode(200);
        checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201).body("order.promotionCode", equalTo(code));
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(1));
    }

    @Test
    void aCodeThatBecameInvalidSinceItWasAppliedIsRefusedAtCheckoutAndNothingChanges() {
        String product = Catalog.create(admin, "Gone Code", 1000, 10);
        String cart = guestCartWith(product, 1);
        String code = code();
        String id = promotion(code, "fixed", 100, Map.of());
        apply(cart, code).then().statusCode(200);
        admin.as().delete("/api/v1/admin/promotions/" + id).then().statusCode(204);
        guestCheckout(cart, newKey(), checkoutBody("gone@example.com")).then().statusCode(409)
                .body("code", equalTo("promotion_invalid"));
        assertEquals(10, (int) admin.as().get("/api/v1/admin/products/" + product).path("stock"));
        // The cart says which code is refused and why, so the shopper can remove it; then checkout goes through.
        guest(cart).get("/api/v1/cart").then().body("items.size()", equalTo(1))
                .body("promotion", org.hamcrest.Matchers.nullValue()).body("discountCents", equalTo(0))
                .body("promotionRefused.code", equalTo(code)).body("promotionRefused.reason", equalTo("promotion_invalid"))
                .body("promotionRefused.detail", equalTo("This code is no longer active"));
        guest(cart).delete("/api/v1/cart/promotions/" + code).then().statusCode(200)
                .body("promotionRefused", org.hamcrest.Matchers.nullValue());
        guestCheckout(cart, newKey(), checkoutBody("gone@example.com")).then().statusCode(201)
                .body("order.discountCents", equalTo(0));
    }

    @Test
    void aCodeWithoutALimitCountsItsHeldUsesAndALimitSetLaterStartsFromThem() {
        String product = Catalog.create(admin, "Unlimited Code", 1000, 50);
        String code = code();
        String id = promotion(code, "fixed", 100, Map.of());
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String cart = cartWithCode(product, code);
            orders.add(guestCheckout(cart, newKey(), checkoutBody("unlimited" + i + "@example.com")).then()
                    .statusCode(201).extract().path("order.id"));
        }
        // No counter is written for a code without a limit: its uses are its held redemptions.
        assertEquals(0L, db.count("SELECT used_count FROM promotion WHERE id = ?::uuid", id));
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(3));
        admin.as().body(Map.of("status", "CANCELLED")).patch("/api/v1/admin/orders/" + orders.get(0) + "/status").then()
                .statusCode(200);
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(2));
        // A limit below the uses held is refused; one at or above them counts them and holds from there.
        admin.as().body(Map.of("usageLimit", 1)).patch("/api/v1/admin/promotions/" + id).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("usageLimit"));
        admin.as().body(Map.of("usageLimit", 3)).patch("/api/v1/admin/promotions/" + id).then().statusCode(200)
                .body("usedCount", equalTo(2));
        assertEquals(2L, db.count("SELECT used_count FROM promotion WHERE id = ?::uuid", id));
        String third = cartWithCode(product, code);
        guestCheckout(third, newKey(), checkoutBody("unlimited3@example.com")).then().statusCode(201);
        String fourth = guestCartWith(product, 1);
        apply(fourth, code).then().statusCode(409).body("code", equalTo("promotion_exhausted"));
        admin.as().get("/api/v1/admin/promotions/" + id).then().body("usedCount", equalTo(3));
    }

    @Test
    void refundsOfADiscountedOrderRefundWhatWasPaidNeverTheListPrice() {
        String product = Catalog.create(admin, "Refund Promo", 1000, 10);
        String cart = guestCartWith(product, 2);
        String code = code();
        promotion(code, "percent", 2500, Map.of());
        apply(cart, code).then().statusCode(200);
        // 2000 - 25 % = 1500, shipping 500, tax 10 % of 1500 = 150: 2150 paid, not the 2700 the goods list at.
        String id = guestCheckout(cart, newKey(), checkoutBody("refund-promo@example.com")).then().statusCode(201)
                .body("order.totalCents", equalTo(2150)).body("order.discountCents", equalTo(500))
                .extract().path("order.id");
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + id + "/status").then().statusCode(200);
        admin.as().body(Map.of("amountCents", 1000)).post("/api/v1/admin/orders/" + id + "/refunds").then()
                .statusCode(201);
        admin.as().body(Map.of("amountCents", 1151)).post("/api/v1/admin/orders/" + id + "/refunds").then()
                .statusCode(422).body("code", equalTo("refund_exceeds_total"));
        admin.as().body(Map.of("amountCents", 1150)).post("/api/v1/admin/orders/" + id + "/refunds").then()
                .statusCode(201);
        admin.as().get("/api/v1/admin/orders/" + id).then().body("status", equalTo("REFUNDED"))
                .body("refundedCents", equalTo(2150)).body("discountCents", equalTo(500));
    }

    @Test
    void theGuestCartsCodeSurvivesTheMergeAtLoginWhenTheUsersCartHasNone() {
        String product = Catalog.create(admin, "Merged", 1000, 10);
        String cart = guestCartWith(product, 1);
        String code = code();
        promotion(code, "fixed", 100, Map.of());
        apply(cart, code).then().statusCode(200);
        Api.Session customer = Api.newCustomer();
        json().cookie("cart_token", cart).body(Map.of("email", customer.email(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200);
        customer.as().get("/api/v1/cart").then().body("promotion.code", equalTo(code)).body("discountCents", equalTo(100));
    }
}
