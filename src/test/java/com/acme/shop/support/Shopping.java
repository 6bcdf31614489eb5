package com.acme.shop.support;

import static com.acme.shop.support.Api.json;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A shopper driving carts and checkout through the API. */
public final class Shopping {

    private Shopping() {
    }

    public static Map<String, Object> address() {
        Map<String, Object> address = new HashMap<>();
        address.put("fullName", "Ada Lovelace");
        address.put("line1", "12 Analytical Row");
        address.put("city", "London");
        address.put("postalCode", "N1 7AA");
        address.put("country", "GB");
        return address;
    }

    public static Map<String, Object> checkoutBody(String email) {
        Map<String, Object> body = new HashMap<>();
        if (email != null) {
            body.put("email", email);
        }
        body.put("shippingAddress", address());
        body.put("paymentMethod", "manual");
        return body;
    }

    /** Starts a guest cart with one line and returns its cookie. */
    public static String guestCartWith(String productId, int quantity) {
        Response response = json().body(Map.of("productId", productId, "quantity", quantity)).post("/api/v1/cart/items");
        response.then().statusCode(200);
        return response.getCookie("cart_token");
    }

    public static Response guestCheckout(String cartCookie, String key, Map<String, Object> body) {
        RequestSpecification spec = json().cookie("cart_token", cartCookie);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.body(body).post("/api/v1/checkout");
    }

    public static Response checkoutAs(Api.Session customer, String key, Map<String, Object> body) {
        return customer.as().header("Idempotency-Key", key).body(body).post("/api/v1/checkout");
    }

    public static String newKey() {
        return "key-" + UUID.randomUUID();
    }
}
