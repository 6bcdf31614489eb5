package com.acme.shop.ordering;

import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckoutConcurrencyTest {

    @Test
    void checkoutNeverOversellsUnderContention() throws Exception {
        Api.Session admin = Api.admin();
        String product = Catalog.create(admin, "Hot Item", 1000, 10);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String cart = guestCartWith(product, 1);
            calls.add(() -> guestCheckout(cart, newKey(), checkoutBody("buyer@example.com")));
        }
        List<Response> responses = Parallel.run(calls);
        long placed = responses.stream().filter(r -> r.statusCode() == 201).count();
        long refused = responses.stream().filter(r -> r.statusCode() == 409
                && "insufficient_stock".equals(r.path("code"))).count();
        assertEquals(10, placed);
        assertEquals(50, refused);
        assertEquals(0, (int) admin.as().get("/api/v1/admin/products/" + product).path("stock"));
    }

    @Test
    void twentyParallelRequestsWithOneKeyPlaceOneOrder() throws Exception {
        Api.Session admin = Api.admin();
        String product = Catalog.create(admin, "One Key", 1000, 100);
        Api.Session customer = Api.newCustomer();
        customer.as().body(Map.of("productId", product, "quantity", 2)).post("/api/v1/cart/items").then().statusCode(200);
        String key = newKey();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> checkoutAs(customer, key, checkoutBody(null)));
        }
        List<Response> responses = Parallel.run(calls);
        Set<String> orderIds = new HashSet<>();
        for (Response response : responses) {
            assertTrue(response.statusCode() == 201
                    || (response.statusCode() == 409 && "request_in_progress".equals(response.path("code"))),
                    response.statusCode() + " " + response.asString());
            if (response.statusCode() == 201) {
                orderIds.add(response.path("order.id"));
            }
        }
        assertEquals(1, orderIds.size());
        assertEquals(98, (int) admin.as().get("/api/v1/admin/products/" + product).path("stock"));
        assertEquals(1, (int) customer.as().get("/api/v1/orders").path("totalItems"));
    }
}
