package com.acme.shop.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.http.HttpMethod;
import java.util.UUID;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every API answer but the public catalog reads is {@code no-store}, errors produced by Quarkus included. */
@QuarkusTest
class CacheControlTest {

    private static final String JSON = "application/json";
    private static final String LOGIN = "{\"email\":\"" + Api.ADMIN_EMAIL + "\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}";

    static Stream<Arguments> privateAnswers() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                // who, method, path, content type, body, expected status
                Arguments.of("anonymous", "POST", "/api/v1/auth/login", JSON, LOGIN, 200),
                Arguments.of("anonymous", "POST", "/api/v1/auth/login", JSON, "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}", 401),
                Arguments.of("anonymous", "POST", "/api/v1/auth/register", JSON, "{}", 400),
                Arguments.of("anonymous", "POST", "/api/v1/auth/login", "text/plain", "hello", 415),
                Arguments.of("anonymous", "POST", "/api/v1/auth/refresh", JSON, "", 401),
                Arguments.of("anonymous", "GET", "/api/v1/me", null, null, 401),
                Arguments.of("customer", "GET", "/api/v1/me", null, null, 200),
                Arguments.of("customer", "DELETE", "/api/v1/me", null, null, 405),
                Arguments.of("anonymous", "GET", "/api/v1/cart", null, null, 200),
                Arguments.of("customer", "POST", "/api/v1/cart/items", JSON, "{\"productId\":\"" + id + "\",\"quantity\":1}", 404),
                Arguments.of("customer", "POST", "/api/v1/checkout", JSON, "{", 400),
                Arguments.of("customer", "GET", "/api/v1/orders", null, null, 200),
                Arguments.of("customer", "GET", "/api/v1/orders/" + id, null, null, 404),
                Arguments.of("customer", "GET", "/api/v1/admin/orders", null, null, 403),
                Arguments.of("admin", "GET", "/api/v1/admin/orders", null, null, 200),
                Arguments.of("admin", "GET", "/api/v1/admin/products/" + id, null, null, 404),
                Arguments.of("admin", "GET", "/api/v1/admin/products", null, null, 200),
                Arguments.of("anonymous", "GET", "/api/v1/products/no-such-product-" + id, null, null, 404),
                Arguments.of("anonymous", "POST", "/api/v1/products", JSON, "{}", 405),
                Arguments.of("anonymous", "GET", "/api/v1/products?page=-1", null, null, 400),
                Arguments.of("anonymous", "GET", "/api/v1/no/such/thing", null, null, 404));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("privateAnswers")
    void privateAnswersAndErrorsAreNeverStored(String who, String method, String path, String contentType,
            String body, int status) {
        RequestSpecification request = switch (who) {
            case "customer" -> given().auth().oauth2(Api.newCustomer().accessToken());
            case "admin" -> given().auth().oauth2(Api.admin().accessToken());
            default -> given();
        };
        if (contentType != null) {
            request.contentType(contentType).body(body);
        }
        request.request(method, path).then().statusCode(status).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void publicCatalogReadsAreNotNoStore() {
        Catalog.create(Api.admin(), "Cacheable kettle", 1500, 3);
        String slug = given().get("/api/v1/products?q=Cacheable").then().statusCode(200)
                .header("Cache-Control", Matchers.anyOf(Matchers.nullValue(), not(Matchers.containsString("no-store"))))
                .extract().path("items[0].slug");
        given().get("/api/v1/products/" + slug).then().statusCode(200)
                .header("Cache-Control", Matchers.anyOf(Matchers.nullValue(), not(Matchers.containsString("no-store"))));
    }

    @Test
    void theCategoriesTreeIsAPublicCatalogReadToo() {
        // The endpoint arrives with the catalog's v1.1 work; the rule that exempts it is already here.
        assertTrue(HttpPlatform.isPublicCatalogRead(HttpMethod.GET, "/api/v1/categories"));
        assertTrue(HttpPlatform.isPublicCatalogRead(HttpMethod.GET, "/api/v1/products/some-slug"));
        assertFalse(HttpPlatform.isPublicCatalogRead(HttpMethod.POST, "/api/v1/categories"));
        assertFalse(HttpPlatform.isPublicCatalogRead(HttpMethod.GET, "/api/v1/admin/categories"));
        assertFalse(HttpPlatform.isPublicCatalogRead(HttpMethod.GET, "/api/v1/products/x/variants"));
    }
}
