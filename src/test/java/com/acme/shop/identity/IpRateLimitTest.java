package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Shopping;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IpRateLimitTest.TightLimits.class)
class IpRateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // and RATE_LIMIT_PROMOTION_FAILURES unset, as it is by default
            return Map.of("shop.rate-limit.ip-per-minute", "5", "shop.rate-limit.promotion-failures", "");
        }
    }

    @Inject
    Db db;

    @BeforeEach
    void forgetEarlierTestsTraffic() {
        db.execute("DELETE FROM rate_limit_counter WHERE bucket LIKE 'ip:%'");
    }

    @Test
    void authEndpointsAreLimitedPerClientAddress() {
        for (int i = 0; i < 5; i++) {
            json().post("/api/v1/auth/refresh").then().statusCode(401);
        }
        json().post("/api/v1/auth/refresh").then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("rate_limited"))
                .header("Retry-After", notNullValue())
                .header("Cache-Control", equalTo("no-store"));
        // The budget covers the auth group, not the whole API.
        json().get("/q/health/live").then().statusCode(200);
    }

    /** The contract limits auth, lookup and checkout; discount codes only when RATE_LIMIT_PROMOTION_FAILURES is set. */
    @Test
    void discountCodesAreNotLimitedByDefault() {
        String product = Catalog.create(Api.admin(), "Unlimited Codes Item", 1000, 10);
        String cart = Shopping.guestCartWith(product, 1);
        db.execute("DELETE FROM rate_limit_counter WHERE bucket = 'promotion-failures'"); // other tests' counts
        for (int i = 0; i < 12; i++) {
            json().cookie("cart_token", cart).body(Map.of("code", "wrong-" + i)).post("/api/v1/cart/promotions")
                    .then().statusCode(422).body("code", equalTo("promotion_invalid"));
        }
        assertEquals(0, db.count("SELECT count(*) FROM rate_limit_counter WHERE bucket = 'promotion-failures'"));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        // No trusted proxies here: the socket peer (127.0.0.1) is the client whatever the header claims.
        for (int i = 0; i < 5; i++) {
            json().header("X-Forwarded-For", "203.0.113." + i).post("/api/v1/auth/refresh").then().statusCode(401);
        }
        json().header("X-Forwarded-For", "203.0.113.200").post("/api/v1/auth/refresh").then().statusCode(429);
    }
}
