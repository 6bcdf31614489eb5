package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Security events are counted in the Prometheus output, {@code shop_security_events_total{event}}. */
@QuarkusTest
class SecurityEventMetricsTest {

    private static final Pattern COUNTER = Pattern.compile("(?m)^shop_security_events_total\\{([^}]*)} (\\S+)$");

    /** The counter's value for one event; 0 while it was never recorded. */
    static double securityEvents(String event) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = COUNTER.matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("event=\"" + event + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private static void login(String email, String password, int status) {
        json().body(Map.of("email", email, "password", password)).post("/api/v1/auth/login").then().statusCode(status);
    }

    @Test
    void failedLoginsAreCounted() {
        Api.Session customer = Api.newCustomer();
        double before = securityEvents("login_failed");
        login(customer.email(), "wrong password", 401);
        login(Api.uniqueEmail(), "wrong password", 401);
        assertEquals(before + 2, securityEvents("login_failed"));
    }

    @Test
    void throttledLoginsAreCounted() {
        String email = Api.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            login(email, "guess " + i, 401);
        }
        double before = securityEvents("login_throttled");
        login(email, "guess again", 429);
        assertEquals(before + 1, securityEvents("login_throttled"));
    }

    @Test
    void refreshTokenReuseIsCounted() {
        Api.Session customer = Api.newCustomer();
        json().cookie("refresh_token", customer.refreshToken()).post("/api/v1/auth/refresh").then().statusCode(200);
        double before = securityEvents("refresh_token_reuse");
        json().cookie("refresh_token", customer.refreshToken()).post("/api/v1/auth/refresh").then().statusCode(401);
        assertEquals(before + 1, securityEvents("refresh_token_reuse"));
    }

    @Test
    void passwordResetRequestsAreCounted() {
        Api.Session customer = Api.newCustomer();
        double before = securityEvents("password_reset");
        json().body(Map.of("email", customer.email())).post("/api/v1/auth/password-reset").then().statusCode(202);
        assertEquals(before + 1, securityEvents("password_reset"));
    }
}
