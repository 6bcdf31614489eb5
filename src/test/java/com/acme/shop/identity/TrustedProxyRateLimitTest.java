package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;

import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test client connects from 127.0.0.1, which this profile trusts as a proxy (with a 10/8 ingress). */
@QuarkusTest
@TestProfile(TrustedProxyRateLimitTest.BehindProxies.class)
class TrustedProxyRateLimitTest {

    public static class BehindProxies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.rate-limit.ip-per-minute", "3", "shop.http.trusted-proxies", "127.0.0.1, 10.0.0.0/8");
        }
    }

    @Inject
    Db db;

    @BeforeEach
    void forgetEarlierTestsTraffic() {
        db.execute("DELETE FROM rate_limit_counter WHERE bucket LIKE 'ip:%'");
    }

    private static int refresh(String forwardedFor) {
        return json().header("X-Forwarded-For", forwardedFor).post("/api/v1/auth/refresh").statusCode();
    }

    @Test
    void entriesAClientAddsOnTheLeftNeverChangeWhoseBudgetIsSpent() {
        for (int i = 0; i < 3; i++) {
            assertStatus(401, refresh("192.0.2." + i + ", 203.0.113.10"));
        }
        assertStatus(429, refresh("192.0.2.99, 203.0.113.10"));
        assertStatus(429, refresh("203.0.113.10"));
        // another client behind the same proxy has its own budget
        assertStatus(401, refresh("203.0.113.11"));
    }

    @Test
    void theRightMostUntrustedEntryIsTheClientWhateverTrustedHopsFollowIt() {
        for (int i = 0; i < 3; i++) {
            assertStatus(401, refresh("203.0.113.20, 10.0.0." + (i + 1)));
        }
        assertStatus(429, refresh("203.0.113.20"));
        json().header("X-Forwarded-For", "203.0.113.20, 10.4.4.4").post("/api/v1/auth/refresh").then()
                .statusCode(429).body("code", equalTo("rate_limited"));
        assertStatus(401, refresh("203.0.113.21, 10.0.0.1"));
    }

    @Test
    void ipv6ClientsShareTheBudgetOfTheirSlash64() {
        for (int i = 0; i < 3; i++) {
            assertStatus(401, refresh("2001:db8:5:6::" + (i + 1)));
        }
        assertStatus(429, refresh("2001:db8:5:6:ffff::1"));
        assertStatus(401, refresh("2001:db8:5:7::1"));
    }

    private static void assertStatus(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
