package com.acme.shop.ordering;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.SecurityEventsSeen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RATE_LIMIT_LOOKUP_FAILURES (5) lookups that find nothing for one email in 15 minutes lock that email's lookups
 * (429 with Retry-After), right number or not. Every test request comes from 127.0.0.1 (whose per-IP budget the
 * test profile makes unlimited), so what trips is the email's count: other emails are still served.
 */
@QuarkusTest
class OrderLookupLimitTest {

    @Inject
    Db db;

    String product;

    @BeforeEach
    void setUp() {
        product = Catalog.create(Api.admin(), "Lookup Item", 1000, 100);
    }

    /** A guest order for the email; answers its number. */
    private String orderFor(String email) {
        return guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201)
                .extract().path("order.number");
    }

    private static Response lookup(String number, String email) {
        return json().body(Map.of("number", number, "email", email)).post("/api/v1/orders/lookup");
    }

    @Test
    void fiveMismatchesLockEveryLookupForThatEmail() {
        String email = Api.uniqueEmail();
        String number = orderFor(email);
        long throttled = SecurityEventsSeen.count("lookup_throttled");
        for (int i = 0; i < 5; i++) {
            lookup("SO-999999" + i, email).then().statusCode(404).body("code", equalTo("not_found"));
        }
        Response locked = lookup(number, email);
        locked.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate_limited"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
        // the same email however it is written
        lookup(number, "  " + email.toUpperCase() + " ").then().statusCode(429);
        assertEquals(throttled + 2, SecurityEventsSeen.count("lookup_throttled"));

        // keyed by the email, not by the client: from the same address another email is served, and counted apart
        String other = Api.uniqueEmail();
        String otherNumber = orderFor(other);
        lookup(otherNumber, other).then().statusCode(200).body("number", equalTo(otherNumber));
        lookup("SO-0", other).then().statusCode(404);

        // once the window has passed the email is served again
        db.execute("UPDATE rate_limit_counter SET window_start = now() - interval '15 minutes 1 second' "
                + "WHERE bucket = 'lookup-failures' AND subject = ?", email);
        lookup(number, email).then().statusCode(200).body("number", equalTo(number));
    }

    @Test
    void lookupsThatFindTheOrderDoNotCount() {
        String email = Api.uniqueEmail();
        String number = orderFor(email);
        for (int i = 0; i < 8; i++) {
            lookup(number, email).then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            lookup("SO-0", email).then().statusCode(404);
        }
        lookup(number, email).then().statusCode(429);
    }
}
