package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.acme.shop.support.Db;
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
            return Map.of("shop.rate-limit.ip-per-minute", "5");
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

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        // No trusted proxies here: the socket peer (127.0.0.1) is the client whatever the header claims.
        for (int i = 0; i < 5; i++) {
            json().header("X-Forwarded-For", "203.0.113." + i).post("/api/v1/auth/refresh").then().statusCode(401);
        }
        json().header("X-Forwarded-For", "203.0.113.200").post("/api/v1/auth/refresh").then().statusCode(429);
    }
}
