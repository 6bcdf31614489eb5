package com.acme.shop.ordering;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.ordering.dto.StatusChangeRequest;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckoutTest {

    @Inject
    Db db;

    @Inject
    AdminOrders orders;

    Api.Session admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin();
    }

    private int stockOf(String productId) {
        return admin.as().get("/api/v1/admin/products/" + productId).path("stock");
    }

    private String trackingTokenOf(String orderId) {
        String payload = db.value("SELECT payload FROM outbox_email WHERE dedupe_key = ?", "order_confirmation:" + orderId);
        String url = io.restassured.path.json.JsonPath.from(payload).getString("trackingUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aGuestCheckoutSnapshotsTakesStockEmptiesTheCartAndIsTrackable() throws Exception {
        String product = Catalog.create(admin, "Checkout Lamp", 1999, 5);
        String cart = guestCartWith(product, 2);
        Response placed = guestCheckout(cart, newKey(), checkoutBody("  Guest@Example.COM "));
        placed.then().statusCode(201)
                .body("order.id", notNullValue()).body("order.number", startsWith("SO-"))
                .body("order.status", equalTo("PENDING_PAYMENT")).body("order.email", equalTo("guest@example.com"))
                .body("order.items[0].productId", equalTo(product)).body("order.items[0].name", equalTo("Checkout Lamp"))
                .body("order.items[0].unitPriceCents", equalTo(1999)).body("order.items[0].quantity", equalTo(2))
                .body("order.items[0].lineTotalCents", equalTo(3998))
                .body("order.subtotalCents", equalTo(3998)).body("order.shippingCents", equalTo(500))
                .body("order.taxCents", equalTo(400)).body("order.totalCents", equalTo(4898))
                .body("order.refundedCents", equalTo(0)).body("order.currency", equalTo("USD"))
                .body("order.shippingAddress.country", equalTo("GB")).body("order.shippingAddress.line2", nullValue())
                .body("order.payment.provider", equalTo("manual")).body("order.payment.status", equalTo("pending"))
                .body("order.trackingNumber", nullValue())
                .body("payment.provider", equalTo("manual")).body("payment.status", equalTo("pending"))
                .body("payment.redirectUrl", nullValue());
        assertEquals(3, stockOf(product));
        json().cookie("cart_token", cart).get("/api/v1/cart").then().body("items", empty());

        String number = placed.path("order.number");
        json().body(Map.of("number", number, "email", "GUEST@example.com")).post("/api/v1/orders/lookup").then()
                .statusCode(200).body("number", equalTo(number)).body("status", equalTo("PENDING_PAYMENT"))
                .body("items[0].sku", notNullValue()).body("items[0].quantity", equalTo(2))
                .body("totalCents", equalTo(4898)).body("shippingCity", equalTo("London"))
                .body("shippingCountry", equalTo("GB")).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("email")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("shippingAddress")));
        json().body(Map.of("number", number, "email", "other@example.com")).post("/api/v1/orders/lookup").then()
                .statusCode(404).body("code", equalTo("not_found"));

        String token = trackingTokenOf(placed.path("order.id"));
        json().get("/api/v1/orders/track/" + token).then().statusCode(200).body("number", equalTo(number));
        json().get("/api/v1/orders/track/" + "x".repeat(43)).then().statusCode(404);
    }

    @Test
    void aCustomersOrderUsesTheAccountEmailAndIsTheirsAlone() {
        String product = Catalog.create(admin, "Customer Lamp", 6000, 5);
        Api.Session customer = Api.newCustomer();
        customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
        Response placed = checkoutAs(customer, newKey(), checkoutBody("someone-else@example.com"));
        placed.then().statusCode(201).body("order.email", equalTo(customer.email()))
                .body("order.shippingCents", equalTo(0)).body("order.taxCents", equalTo(600))
                .body("order.totalCents", equalTo(6600));
        String id = placed.path("order.id");
        customer.as().get("/api/v1/orders").then().statusCode(200).body("items.id", hasItem(id))
                .body("totalItems", equalTo(1));
        customer.as().get("/api/v1/orders/" + id).then().statusCode(200).body("number", equalTo(placed.path("order.number")));
        Api.newCustomer().as().get("/api/v1/orders/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        json().get("/api/v1/orders").then().statusCode(401);
    }

    @Test
    void theIdempotencyKeyIsRequired() {
        String cart = guestCartWith(Catalog.create(admin, "Keyless", 100, 5), 1);
        guestCheckout(cart, null, checkoutBody("a@example.com")).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("idempotency_key_missing"));
        guestCheckout(cart, "short", checkoutBody("a@example.com")).then().statusCode(400)
                .body("code", equalTo("idempotency_key_missing"));
        guestCheckout(cart, "k".repeat(256), checkoutBody("a@example.com")).then().statusCode(400)
                .body("code", equalTo("idempotency_key_missing"));
    }

    @Test
    void replayReturnsTheOriginalStatusAndBodyAndCreatesNothing() {
        String product = Catalog.create(admin, "Replay", 1000, 5);
        String cart = guestCartWith(product, 1);
        String key = newKey();
        Response first = guestCheckout(cart, key, checkoutBody("replay@example.com"));
        first.then().statusCode(201);
        Response again = guestCheckout(cart, key, checkoutBody("replay@example.com"));
        again.then().statusCode(201);
        assertEquals(first.asString(), again.asString());
        assertEquals(4, stockOf(product));
        guestCheckout(cart, key, checkoutBody("different@example.com")).then().statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void emptyCartsAndShortStockChangeNothing() {
        guestCheckout(guestCartWith(Catalog.create(admin, "Emptied", 100, 5), 1) , newKey(), checkoutBody("x@example.com"))
                .then().statusCode(201);
        json().header("Idempotency-Key", newKey()).body(checkoutBody("x@example.com")).post("/api/v1/checkout")
                .then().statusCode(409).body("code", equalTo("cart_empty"));

        String plenty = Catalog.create(admin, "Plenty", 100, 50);
        String scarce = Catalog.create(admin, "Scarce", 100, 5);
        String cart = guestCartWith(plenty, 3);
        json().cookie("cart_token", cart).body(Map.of("productId", scarce, "quantity", 4)).post("/api/v1/cart/items")
                .then().statusCode(200);
        admin.as().body(Map.of("stock", 2)).patch("/api/v1/admin/products/" + scarce).then().statusCode(200);
        guestCheckout(cart, newKey(), checkoutBody("x@example.com")).then().statusCode(409)
                .body("code", equalTo("insufficient_stock")).body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo(scarce));
        assertEquals(50, stockOf(plenty));
        assertEquals(2, stockOf(scarce));
        json().cookie("cart_token", cart).get("/api/v1/cart").then().body("itemCount", equalTo(7));
    }

    @Test
    void theCartQuotesTheTotalCheckoutCharges() {
        String product = Catalog.create(admin, "Quoted", 1000, 10);
        String cart = guestCartWith(product, 1);
        int quoted = json().cookie("cart_token", cart).get("/api/v1/cart").then().statusCode(200)
                .body("subtotalCents", equalTo(1000)).body("shippingCents", equalTo(500))
                .body("taxCents", equalTo(100)).body("totalCents", equalTo(1600)).extract().path("totalCents");
        Map<String, Object> body = checkoutBody("quote@example.com");
        body.put("expectedTotalCents", quoted);
        guestCheckout(cart, newKey(), body).then().statusCode(201).body("order.totalCents", equalTo(quoted));

        String freeShipping = guestCartWith(product, 5);
        json().cookie("cart_token", freeShipping).get("/api/v1/cart").then()
                .body("shippingCents", equalTo(0)).body("taxCents", equalTo(500)).body("totalCents", equalTo(5500));
    }

    @Test
    void aStaleExpectedTotalIsPriceChangedAndChangesNothing() {
        String product = Catalog.create(admin, "Repriced", 1000, 5);
        String cart = guestCartWith(product, 1);
        long seen = 1000 + 500 + 100;
        admin.as().body(Map.of("priceCents", 1200)).patch("/api/v1/admin/products/" + product).then().statusCode(200);
        Map<String, Object> body = checkoutBody("p@example.com");
        body.put("expectedTotalCents", seen);
        guestCheckout(cart, newKey(), body).then().statusCode(409).body("code", equalTo("price_changed"));
        assertEquals(5, stockOf(product));
        body.put("expectedTotalCents", 1200 + 500 + 120);
        guestCheckout(cart, newKey(), body).then().statusCode(201).body("order.totalCents", equalTo(1820));
    }

    @Test
    void aPriceChangeAfterCheckoutLeavesTheOrderAsItWas() {
        String product = Catalog.create(admin, "Snapshot", 1000, 5);
        Api.Session customer = Api.newCustomer();
        customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items");
        String id = checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201).extract().path("order.id");
        admin.as().body(Map.of("priceCents", 5, "name", "Renamed")).patch("/api/v1/admin/products/" + product)
                .then().statusCode(200);
        customer.as().get("/api/v1/orders/" + id).then().body("items[0].unitPriceCents", equalTo(1000))
                .body("items[0].name", equalTo("Snapshot")).body("subtotalCents", equalTo(1000));
    }

    @Test
    void inputIsValidated() {
        String cart = guestCartWith(Catalog.create(admin, "Validated", 100, 5), 1);
        guestCheckout(cart, newKey(), checkoutBody(null)).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("email"));
        Map<String, Object> badCountry = checkoutBody("v@example.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) badCountry.get("shippingAddress");
        address.put("country", "GBR");
        address.remove("city");
        guestCheckout(cart, newKey(), badCountry).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("shippingAddress.country", "shippingAddress.city"));
        Map<String, Object> badMethod = checkoutBody("v@example.com");
        badMethod.put("paymentMethod", "bitcoin");
        guestCheckout(cart, newKey(), badMethod).then().statusCode(400)
                .body("errors[0].field", equalTo("paymentMethod"));
        Map<String, Object> stripe = checkoutBody("v@example.com");
        stripe.put("paymentMethod", "stripe");
        guestCheckout(cart, newKey(), stripe).then().statusCode(503).body("code", equalTo("payment_unavailable"));
        json().cookie("cart_token", cart).get("/api/v1/cart").then().body("itemCount", equalTo(1));
    }

    @Test
    void cancellingAnUnpaidOrderReturnsItsStock() {
        String product = Catalog.create(admin, "Cancelled", 100, 5);
        String id = guestCheckout(guestCartWith(product, 3), newKey(), checkoutBody("c@example.com"))
                .then().statusCode(201).extract().path("order.id");
        assertEquals(2, stockOf(product));
        orders.changeStatus(UUID.fromString(id), new StatusChangeRequest(OrderStatus.CANCELLED, null, "changed mind"), "admin:test");
        assertEquals(5, stockOf(product));
        org.junit.jupiter.api.Assertions.assertThrows(com.acme.shop.platform.ApiException.class,
                () -> orders.changeStatus(UUID.fromString(id), new StatusChangeRequest(OrderStatus.PAID, null, null), "admin:test"));
    }
}
