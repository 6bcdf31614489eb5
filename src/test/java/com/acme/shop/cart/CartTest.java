package com.acme.shop.cart;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CartTest {

    Api.Session admin;
    String mug;
    String tee;

    @BeforeEach
    void products() {
        admin = Api.admin();
        mug = Catalog.create(admin, "Cart Mug", 1500, 5);
        tee = Catalog.create(admin, "Cart Tee", 2500, 10);
    }

    private static Response add(String cookie, String productId, int quantity) {
        var spec = json();
        if (cookie != null) {
            spec = spec.cookie("cart_token", cookie);
        }
        return spec.body(Map.of("productId", productId, "quantity", quantity)).post("/api/v1/cart/items");
    }

    @Test
    void aGuestsFirstWriteSetsAnHttpOnlyCookieAndTheCartFollowsIt() {
        Response first = add(null, mug, 2);
        first.then().statusCode(200).body("items.productId", contains(mug)).body("items[0].quantity", equalTo(2))
                .body("items[0].unitPriceCents", equalTo(1500)).body("items[0].lineTotalCents", equalTo(3000))
                .body("items[0].availableStock", equalTo(5)).body("items[0].sku", org.hamcrest.Matchers.notNullValue())
                .body("items[0].slug", org.hamcrest.Matchers.notNullValue())
                .body("items[0].name", equalTo("Cart Mug")).body("currency", equalTo("USD"));
        String setCookie = first.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"),
                setCookie);
        String cookie = first.getCookie("cart_token");
        assertNotNull(cookie);
        add(cookie, tee, 1).then().statusCode(200).header("Set-Cookie", nullValue());
        add(cookie, mug, 1).then().statusCode(200);
        json().cookie("cart_token", cookie).get("/api/v1/cart").then().statusCode(200)
                .body("items.productId", contains(mug, tee)).body("items[0].quantity", equalTo(3))
                .body("itemCount", equalTo(4)).body("subtotalCents", equalTo(3 * 1500 + 2500));
    }

    @Test
    void noCartYetIsAnEmptyCart() {
        json().get("/api/v1/cart").then().statusCode(200).body("id", nullValue()).body("items", empty())
                .body("itemCount", equalTo(0)).body("subtotalCents", equalTo(0)).body("shippingCents", equalTo(0))
                .body("totalCents", equalTo(0)).header("Set-Cookie", nullValue());
    }

    @Test
    void anUnknownOrTamperedCookieGetsAFreshCartNeverAnError() {
        String cookie = add(null, mug, 1).getCookie("cart_token");
        String tampered = (cookie.charAt(0) == 'A' ? 'B' : 'A') + cookie.substring(1);
        json().cookie("cart_token", tampered).get("/api/v1/cart").then().statusCode(200).body("items", empty());
        json().cookie("cart_token", "garbage; evil=1").get("/api/v1/cart").then().statusCode(200).body("items", empty());
        Response write = add(tampered, tee, 1);
        write.then().statusCode(200).body("items.productId", contains(tee));
        assertNotEquals(tampered, write.getCookie("cart_token"));
        json().cookie("cart_token", cookie).get("/api/v1/cart").then().body("items.productId", contains(mug));
    }

    @Test
    void guestsCannotSeeEachOthersCarts() {
        String a = add(null, mug, 1).getCookie("cart_token");
        String b = add(null, tee, 2).getCookie("cart_token");
        assertNotEquals(a, b);
        json().cookie("cart_token", a).get("/api/v1/cart").then().body("items.productId", contains(mug));
        json().cookie("cart_token", b).get("/api/v1/cart").then().body("items.productId", contains(tee));
    }

    @Test
    void aLineCannotExceedStock() {
        String cookie = add(null, mug, 4).getCookie("cart_token");
        add(cookie, mug, 2).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("insufficient_stock")).body("errors[0].field", equalTo(mug));
        json().cookie("cart_token", cookie).get("/api/v1/cart").then().body("items[0].quantity", equalTo(4));
        add(null, tee, 11).then().statusCode(409).body("code", equalTo("insufficient_stock"));
    }

    @Test
    void unknownOrArchivedProductsAre404AndQuantitiesAreBounded() {
        add(null, java.util.UUID.randomUUID().toString(), 1).then().statusCode(404).body("code", equalTo("not_found"));
        String archived = Catalog.create(admin, "Gone", 100, 5);
        admin.as().delete("/api/v1/admin/products/" + archived).then().statusCode(204);
        add(null, archived, 1).then().statusCode(404);
        add(null, mug, 0).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        add(null, mug, 100).then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        json().body(Map.of("productId", "not-a-uuid", "quantity", 1)).post("/api/v1/cart/items").then().statusCode(400)
                .body("errors[0].field", equalTo("productId"));
        json().body(Map.of("quantity", 1)).post("/api/v1/cart/items").then().statusCode(400)
                .body("errors[0].field", equalTo("productId"));
    }

    @Test
    void setQuantityRemoveAndEmpty() {
        String cookie = add(null, mug, 1).getCookie("cart_token");
        add(cookie, tee, 1);
        json().cookie("cart_token", cookie).body(Map.of("quantity", 3)).patch("/api/v1/cart/items/" + tee)
                .then().statusCode(200).body("items[1].quantity", equalTo(3));
        json().cookie("cart_token", cookie).body(Map.of("quantity", 11)).patch("/api/v1/cart/items/" + tee)
                .then().statusCode(409).body("code", equalTo("insufficient_stock"));
        json().cookie("cart_token", cookie).body(Map.of("quantity", 0)).patch("/api/v1/cart/items/" + mug)
                .then().statusCode(200).body("items.productId", contains(tee));
        json().cookie("cart_token", cookie).body(Map.of("quantity", 1)).patch("/api/v1/cart/items/" + mug)
                .then().statusCode(404);
        json().cookie("cart_token", cookie).body(Map.of("quantity", -1)).patch("/api/v1/cart/items/" + tee)
                .then().statusCode(400);
        json().cookie("cart_token", cookie).delete("/api/v1/cart/items/" + tee).then().statusCode(200)
                .body("items", empty());
        add(cookie, mug, 2);
        json().cookie("cart_token", cookie).delete("/api/v1/cart").then().statusCode(204);
        json().cookie("cart_token", cookie).get("/api/v1/cart").then().body("items", empty()).body("itemCount", equalTo(0));
    }

    @Test
    void aSignedInUsersCartIsTheirsAndNeedsAValidToken() {
        Api.Session customer = Api.newCustomer();
        customer.as().body(Map.of("productId", mug, "quantity", 2)).post("/api/v1/cart/items").then().statusCode(200)
                .header("Set-Cookie", nullValue());
        customer.as().get("/api/v1/cart").then().body("items[0].quantity", equalTo(2));
        Api.newCustomer().as().get("/api/v1/cart").then().body("items", empty());
        json().auth().oauth2("forged.token.here").get("/api/v1/cart").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }
}
