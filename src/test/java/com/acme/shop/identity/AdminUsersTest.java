package com.acme.shop.identity;

import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersTest {

    @Test
    void searchFindsPartOfTheEmailOrName() {
        Api.Session admin = Api.admin();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "findme-" + tag + "@example.com";
        Api.register(email, Api.PASSWORD, "Zelda " + tag).then().statusCode(201);
        admin.as().queryParam("q", "FINDME-" + tag).get("/api/v1/admin/users").then().statusCode(200)
                .body("items.email", contains(email)).body("totalItems", equalTo(1));
        admin.as().queryParam("q", "zelda " + tag).get("/api/v1/admin/users").then().body("items.email", contains(email));
    }

    @Test
    void detailCountsOrdersAndMoneySpentNetOfRefunds() {
        Api.Session admin = Api.admin();
        Api.Session customer = Api.newCustomer();
        String product = Catalog.create(admin, "Stats", 10000, 10);
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
            ids[i] = checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201).extract().path("order.id");
        }
        // total per order: 10000 + 0 shipping + 1000 tax = 11000
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + ids[0] + "/status").then().statusCode(200);
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + ids[1] + "/status").then().statusCode(200);
        admin.as().body(Map.of("amountCents", 1000)).post("/api/v1/admin/orders/" + ids[1] + "/refunds").then().statusCode(201);
        admin.as().get("/api/v1/admin/users/" + customer.userId()).then().statusCode(200)
                .body("email", equalTo(customer.email())).body("orderCount", equalTo(3))
                .body("totalSpentCents", equalTo(11000 + 10000));
        admin.as().get("/api/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404);
    }
}
