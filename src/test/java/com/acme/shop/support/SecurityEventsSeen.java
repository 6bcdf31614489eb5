package com.acme.shop.support;

import io.restassured.RestAssured;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How many security events of a kind the service has counted so far, read from its Prometheus metrics. */
public final class SecurityEventsSeen {

    private SecurityEventsSeen() {
    }

    /** The value of {@code shop_security_events_total{event="<tag>"}}, 0 before the first one. */
    public static long count(String tag) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^shop_security_events_total\\{[^}]*event=\"" + Pattern.quote(tag)
                + "\"[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
