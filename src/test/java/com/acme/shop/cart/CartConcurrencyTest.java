package com.acme.shop.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CartConcurrencyTest {

    private static List<Integer> parallelAdds(Api.Session customer, String productId, int parallel) throws Exception {
        return Parallel.run(parallel, i -> () -> customer.as().body(Map.of("productId", productId, "quantity", 1))
                .post("/api/v1/cart/items").statusCode());
    }

    @Test
    void fiftyParallelAddsToOneCartLoseNoUpdate() throws Exception {
        Api.Session customer = Api.newCustomer();
        String product = Catalog.create(Api.admin(), "Popular", 100, 1000);
        List<Integer> statuses = parallelAdds(customer, product, 50);
        assertEquals(50, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(50, (int) customer.as().get("/api/v1/cart").path("items[0].quantity"));
    }

    @Test
    void parallelAddsStopExactlyAtStock() throws Exception {
        Api.Session customer = Api.newCustomer();
        String product = Catalog.create(Api.admin(), "Scarce", 100, 20);
        List<Integer> statuses = parallelAdds(customer, product, 50);
        assertEquals(20, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(30, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(20, (int) customer.as().get("/api/v1/cart").path("items[0].quantity"));
    }
}
