package com.acme.shop.notification;

import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MailContentTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Db db;

    Api.Session admin;

    @BeforeEach
    void setUp() {
        admin = Api.admin();
    }

    private List<Mail> mailsTo(String email, String subjectStart) {
        dispatcher.dispatch();
        return mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith(subjectStart)).toList();
    }

    @Test
    void aGuestGetsAConfirmationWithLinesTotalsAndTrackingLinkAndOneInvite() {
        String email = Api.uniqueEmail();
        String product = Catalog.create(admin, "Mailed Mug", 1999, 10);
        String number = guestCheckout(guestCartWith(product, 2), newKey(), checkoutBody(email)).then().statusCode(201)
                .extract().path("order.number");
        guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201);

        List<Mail> confirmations = mailsTo(email, "Order " + number);
        assertEquals(1, confirmations.size());
        Mail mail = confirmations.get(0);
        assertTrue(mail.getHtml().contains("2 × Mailed Mug") && mail.getHtml().contains("$39.98"), mail.getHtml());
        assertTrue(mail.getHtml().contains("$48.98"), "total: 3998 + 500 + 400");
        assertTrue(mail.getHtml().contains("http://localhost:8080/orders/track/"), mail.getHtml());
        assertTrue(mail.getText().contains("2 x Mailed Mug: $39.98"), mail.getText());
        assertTrue(mail.getText().contains("Track your order: http://localhost:8080/orders/track/"), mail.getText());

        List<Mail> invites = mailsTo(email, "Keep track");
        assertEquals(1, invites.size(), "one invite per address, however many guest orders");
        assertTrue(invites.get(0).getText().contains("http://localhost:8080/register?invite="));
    }

    @Test
    void aCustomersConfirmationHasNoTrackingLinkAndNoInvite() {
        Api.Session customer = Api.newCustomer();
        String product = Catalog.create(admin, "Customer Mail", 500, 10);
        customer.as().body(Map.of("productId", product, "quantity", 1)).post("/api/v1/cart/items").then().statusCode(200);
        checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201);
        List<Mail> confirmations = mailsTo(customer.email(), "Order ");
        assertEquals(1, confirmations.size());
        assertTrue(!confirmations.get(0).getHtml().contains("/orders/track/"));
        assertTrue(mailsTo(customer.email(), "Keep track").isEmpty());
    }

    @Test
    void shippingSendsTheTrackingNumber() {
        String email = Api.uniqueEmail();
        String product = Catalog.create(admin, "Shipped", 500, 10);
        String id = guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201)
                .extract().path("order.id");
        admin.as().body(Map.of("status", "PAID")).patch("/api/v1/admin/orders/" + id + "/status").then().statusCode(200);
        admin.as().body(Map.of("status", "SHIPPED", "trackingNumber", "TRACK-42")).patch("/api/v1/admin/orders/" + id + "/status")
                .then().statusCode(200);
        List<Mail> shipped = mailsTo(email, "Order ");
        Mail mail = shipped.stream().filter(m -> m.getSubject().endsWith("has shipped")).findFirst().orElseThrow();
        assertTrue(mail.getText().contains("Tracking number: TRACK-42"), mail.getText());
        assertTrue(mail.getHtml().contains("TRACK-42"));
    }

    @Test
    void sentMailsKeepNoSecrets() throws Exception {
        String email = Api.uniqueEmail();
        Api.register(email, Api.PASSWORD, "Forgetful").then().statusCode(201);
        com.acme.shop.support.Api.json().body(Map.of("email", email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        dispatcher.dispatch();
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        Map<String, Object> outbox = db.row("SELECT status, payload FROM outbox_email WHERE recipient = ?", email);
        assertEquals("sent", outbox.get("status"));
        assertEquals("{}", outbox.get("payload"), "the reset token does not outlive its delivery");
    }
}
