package com.acme.shop.cart;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CartMergeTest {

    @Inject
    Carts carts;

    @Inject
    Db db;

    private static String guestCart(Map<String, Integer> lines) {
        String cookie = null;
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            var spec = json();
            if (cookie != null) {
                spec = spec.cookie("cart_token", cookie);
            }
            Response response = spec.body(Map.of("productId", line.getKey(), "quantity", line.getValue()))
                    .post("/api/v1/cart/items");
            response.then().statusCode(200);
            if (cookie == null) {
                cookie = response.getCookie("cart_token");
            }
        }
        return cookie;
    }

    private static int quantityOf(JsonPath cart, String productId) {
        List<Map<String, Object>> items = cart.getList("items");
        return items.stream().filter(i -> productId.equals(i.get("productId")))
                .mapToInt(i -> (Integer) i.get("quantity")).findFirst().orElse(0);
    }

    @Test
    void loginMergesTheGuestCartCappedAtStockAndClearsTheCookie() {
        Api.Session admin = Api.admin();
        String a = Catalog.create(admin, "Merge A", 100, 4);
        String b = Catalog.create(admin, "Merge B", 200, 10);
        String c = Catalog.create(admin, "Merge C", 300, 10);
        Api.Session customer = Api.newCustomer();
        customer.as().body(Map.of("productId", a, "quantity", 3)).post("/api/v1/cart/items").then().statusCode(200);
        customer.as().body(Map.of("productId", c, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
        String cookie = guestCart(new java.util.LinkedHashMap<>(Map.of(a, 2, b, 3)));

        Response login = json().cookie("cart_token", cookie)
                .body(Map.of("email", customer.email(), "password", Api.PASSWORD)).post("/api/v1/auth/login");
        login.then().statusCode(200);
        assertTrue(login.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(h -> h.startsWith("cart_token=;") && h.contains("Max-Age=0")), login.getHeaders().toString());

        JsonPath cart = customer.as().get("/api/v1/cart").then().statusCode(200).extract().jsonPath();
        assertEquals(4, quantityOf(cart, a), "3 + 2 capped at stock 4");
        assertEquals(3, quantityOf(cart, b));
        assertEquals(1, quantityOf(cart, c));
        json().cookie("cart_token", cookie).get("/api/v1/cart").then().body("items", empty());

        // The same cookie again: the guest cart is gone, nothing changes.
        json().cookie("cart_token", cookie).body(Map.of("email", customer.email(), "password", Api.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200);
        JsonPath again = customer.as().get("/api/v1/cart").then().extract().jsonPath();
        assertEquals(cart.getList("items"), again.getList("items"));
    }

    @Test
    void registerMergesTheGuestCartToo() {
        String product = Catalog.create(Api.admin(), "Merge On Register", 500, 5);
        String cookie = guestCart(Map.of(product, 2));
        String email = Api.uniqueEmail();
        String token = json().cookie("cart_token", cookie)
                .body(Map.of("email", email, "password", Api.PASSWORD, "name", "New")).post("/api/v1/auth/register")
                .then().statusCode(201).extract().path("accessToken");
        json().auth().oauth2(token).get("/api/v1/cart").then().body("items.productId", containsInAnyOrder(product))
                .body("items[0].quantity", equalTo(2));
    }

    @Test
    void idleGuestCartsArePurged() throws Exception {
        String product = Catalog.create(Api.admin(), "Forgotten", 100, 5);
        String cookie = guestCart(Map.of(product, 1));
        db.execute("UPDATE cart SET updated_at = now() - interval '90 days' WHERE user_id IS NULL "
                + "AND id IN (SELECT cart_id FROM cart_line WHERE product_id = ?::uuid)", product);
        carts.purgeIdleGuestCarts();
        json().cookie("cart_token", cookie).get("/api/v1/cart").then().body("items", empty());
    }
}
