package com.acme.shop.cart;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.guestCartWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.platform.RateLimitConfig;
import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import com.acme.shop.support.SecurityEventsSeen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With RATE_LIMIT_PROMOTION_FAILURES set, that many codes that do not apply, from one client address in 15 minutes,
 * lock that address's codes (429 with Retry-After), right or wrong. Every test request comes from one address, whose
 * budget the test profile makes huge so that other tests' refused codes never trip it; these tests fill the
 * address's count in the database to just under the limit instead, and empty it after. Unset (the default), nothing
 * is counted: IpRateLimitTest.
 */
@QuarkusTest
class PromotionGuessLimitTest {

    @Inject
    Db db;

    @Inject
    RateLimitConfig limits;

    String product;
    String code;
    String address;

    @BeforeEach
    void setUp() {
        Api.Session admin = Api.admin();
        product = Catalog.create(admin, "Guess Item", 1000, 100);
        code = "G" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin.as().body(Map.of("code", code, "type", "fixed", "value", 100)).post("/api/v1/admin/promotions")
                .then().statusCode(201);
        db.execute("DELETE FROM rate_limit_counter WHERE bucket = 'promotion-failures'");
        apply(guestCartWith(product, 1), "no-such-code").then().statusCode(422);
        address = db.value("SELECT subject FROM rate_limit_counter WHERE bucket = 'promotion-failures'");
    }

    @AfterEach
    void emptyTheCount() {
        db.execute("DELETE FROM rate_limit_counter WHERE bucket = 'promotion-failures'");
    }

    private static Response apply(String cart, String code) {
        return json().cookie("cart_token", cart).body(Map.of("code", code)).post("/api/v1/cart/promotions");
    }

    private void leave(int attempts) {
        db.execute("UPDATE rate_limit_counter SET hits = ? WHERE bucket = 'promotion-failures' AND subject = ?",
                limits.promotionFailures().orElseThrow() - attempts, address);
    }

    private int hits() {
        return (int) db.count("SELECT hits FROM rate_limit_counter WHERE bucket = 'promotion-failures' "
                + "AND subject = ?", address);
    }

    @Test
    void oneGuessLeftThenEveryCodeFromTheAddressIs429RightOrWrong() {
        String cart = guestCartWith(product, 1);
        long throttled = SecurityEventsSeen.count("promotion_throttled");
        leave(1);
        apply(cart, "still-wrong").then().statusCode(422).body("code", equalTo("promotion_invalid"));
        Response locked = apply(cart, code);
        locked.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate_limited"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
        // a fresh guest cart does not help: the count is the address's
        apply(guestCartWith(product, 1), code).then().statusCode(429);
        assertEquals(throttled + 2, SecurityEventsSeen.count("promotion_throttled"));
        json().cookie("cart_token", cart).get("/api/v1/cart").then().body("promotion", equalTo(null));

        // once the window has passed the address is served again
        db.execute("UPDATE rate_limit_counter SET window_start = now() - interval '15 minutes 1 second' "
                + "WHERE bucket = 'promotion-failures' AND subject = ?", address);
        apply(cart, code).then().statusCode(200).body("promotion.code", equalTo(code));
    }

    @Test
    void aCodeThatAppliesTakesItsCountBack() {
        leave(1);
        int before = hits();
        for (int i = 0; i < 3; i++) {
            apply(guestCartWith(product, 1), code.toLowerCase()).then().statusCode(200);
        }
        assertEquals(before, hits());
        apply(guestCartWith(product, 1), "wrong").then().statusCode(422);
        apply(guestCartWith(product, 1), code).then().statusCode(429);
    }

    /** Twenty wrong codes at once, from twenty carts, with five attempts left: exactly five are answered. */
    @Test
    void parallelGuessesNeverExceedTheLimit() throws Exception {
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            carts.add(guestCartWith(product, 1));
        }
        leave(5);
        List<Integer> statuses = Parallel.run(20, i -> () -> apply(carts.get(i), "guess-" + i).statusCode());
        assertEquals(5, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }
}
