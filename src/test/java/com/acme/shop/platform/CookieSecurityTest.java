package com.acme.shop.platform;

import static com.acme.shop.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CookieSecurityTest {

    @Test
    void sessionCookiesAreSecureExactlyWhenTheRequestCameOverHttps() {
        Response plain = Api.register(Api.uniqueEmail(), Api.PASSWORD, "Plain");
        assertFalse(plain.getHeader("Set-Cookie").contains("Secure"), plain.getHeader("Set-Cookie"));
        Response proxied = json().header("X-Forwarded-Proto", "https")
                .body(Map.of("email", Api.uniqueEmail(), "password", Api.PASSWORD, "name", "Proxied"))
                .post("/api/v1/auth/register");
        assertTrue(proxied.getHeader("Set-Cookie").contains("Secure"), proxied.getHeader("Set-Cookie"));

        String product = Catalog.create(Api.admin(), "Cookie jar", 100, 5);
        Response cart = json().header("X-Forwarded-Proto", "https").body(Map.of("productId", product, "quantity", 1))
                .post("/api/v1/cart/items");
        assertTrue(cart.getHeader("Set-Cookie").contains("Secure"), cart.getHeader("Set-Cookie"));
    }
}
