package com.acme.shop.ordering;

import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundsTest {

    Api.Session admin;
    String product;

    @BeforeEach
    void product() {
        admin = Api.admin();
        product = Catalog.create(admin, "Refundable", 2000, 10);
    }

    /** A paid manual order of 2 x 2000: subtotal 4000, shipping 500, tax 400, total 4900. */
    private String paidOrder() {
        String id = guestCheckout(guestCartWith(product, 2), newKey(), checkoutBody("r@example.com"))
                .then().statusCode(201).extract().path("order.id");
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + id + "/status").then().statusCode(200);
        return id;
    }

    private Response refund(String orderId, Map<String, Object> body) {
        return admin.as().body(body).post("/api/v1/admin/orders/" + orderId + "/refunds");
    }

    @Test
    void partialRefundsRaiseRefundedCentsAndTheRestIsAFullRefund() {
        String id = paidOrder();
        refund(id, Map.of("amountCents", 1000, "reason", "scratched")).then().statusCode(201)
                .body("id", notNullValue()).body("amountCents", equalTo(1000)).body("status", equalTo("succeeded"));
        admin.as().get("/api/v1/admin/orders/" + id).then().body("status", equalTo("PAID"))
                .body("refundedCents", equalTo(1000)).body("payment.status", equalTo("partially_refunded"))
                .body("refunds.size()", equalTo(1)).body("refunds[0].reason", equalTo("scratched"));
        refund(id, Map.of("amountCents", 3901)).then().statusCode(422).body("code", equalTo("refund_exceeds_total"));
        refund(id, Map.of("amountCents", 100, "restock", true)).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("restock"));
        refund(id, Map.of("restock", true)).then().statusCode(201).body("amountCents", equalTo(3900));
        admin.as().get("/api/v1/admin/orders/" + id).then().body("status", equalTo("REFUNDED"))
                .body("refundedCents", equalTo(4900)).body("payment.status", equalTo("refunded"));
        admin.as().get("/api/v1/admin/products/" + product).then().body("stock", equalTo(10));
        refund(id, Map.of()).then().statusCode(409).body("code", equalTo("invalid_transition"));
    }

    @Test
    void unpaidOrdersCannotBeRefundedAndAmountsMustBePositive() {
        String id = guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody("u@example.com"))
                .then().statusCode(201).extract().path("order.id");
        refund(id, Map.of()).then().statusCode(409).body("code", equalTo("invalid_transition"));
        String paid = paidOrder();
        refund(paid, Map.of("amountCents", 0)).then().statusCode(400);
        refund(paid, Map.of("amountCents", -5)).then().statusCode(400);
        refund(paid, Map.of("amountCents", "ten")).then().statusCode(400);
    }

    @Test
    void racingRefundsCannotTogetherExceedTheTotal() throws Exception {
        String id = paidOrder();
        int parallel = 10;
        List<Integer> statuses = Parallel.run(parallel, i -> () -> refund(id, Map.of("amountCents", 3000)).statusCode());
        int succeeded = 0;
        for (int status : statuses) {
            if (status == 201) {
                succeeded++;
            } else {
                assertEquals(422, status);
            }
        }
        assertEquals(1, succeeded);
        admin.as().get("/api/v1/admin/orders/" + id).then().body("refundedCents", equalTo(3000));
    }

    @Test
    void statusRefundedRefundsWhatIsLeft() {
        String id = paidOrder();
        admin.as().body(Map.of("status", "REFUNDED", "note", "returned")).patch("/api/v1/admin/orders/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("REFUNDED")).body("refundedCents", equalTo(4900))
                .body("refunds.size()", equalTo(1));
    }
}
