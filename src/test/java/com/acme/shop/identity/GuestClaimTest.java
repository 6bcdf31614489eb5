package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.notification.OutboxDispatcher;
import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuestClaimTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxDispatcher dispatcher;

    private String inviteTokenFor(String email) {
        dispatcher.dispatch();
        Mail invite = mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith("Keep track"))
                .findFirst().orElseThrow();
        Matcher token = Pattern.compile("register\\?invite=([A-Za-z0-9_-]{43})").matcher(invite.getText());
        assertTrue(token.find());
        return token.group(1);
    }

    @Test
    void registeringWithTheInviteClaimsEveryEarlierGuestOrder() {
        String product = Catalog.create(Api.admin(), "Claimable", 100, 10);
        String email = Api.uniqueEmail();
        String first = guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201)
                .extract().path("order.id");
        String second = guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201)
                .extract().path("order.id");
        String token = inviteTokenFor(email);
        String access = json().body(Map.of("email", email, "password", Api.PASSWORD, "name", "Claimer", "inviteToken", token))
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("accessToken");
        json().auth().oauth2(access).get("/api/v1/orders").then().statusCode(200)
                .body("items.id", containsInAnyOrder(first, second));
    }

    @Test
    void withoutTheInviteNoGuestOrderIsAttached() {
        String product = Catalog.create(Api.admin(), "Unclaimed", 100, 10);
        String email = Api.uniqueEmail();
        guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201);
        String access = json().body(Map.of("email", email, "password", Api.PASSWORD, "name", "No Invite"))
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("accessToken");
        json().auth().oauth2(access).get("/api/v1/orders").then().body("totalItems", equalTo(0));
    }

    @Test
    void aWrongInviteFailsTheRegistrationAndCreatesNothing() {
        String product = Catalog.create(Api.admin(), "Guarded", 100, 10);
        String email = Api.uniqueEmail();
        guestCheckout(guestCartWith(product, 1), newKey(), checkoutBody(email)).then().statusCode(201);
        String token = inviteTokenFor(email);
        json().body(Map.of("email", Api.uniqueEmail(), "password", Api.PASSWORD, "name", "Thief", "inviteToken", token))
                .post("/api/v1/auth/register").then().statusCode(400).body("code", equalTo("invalid_token"));
        json().body(Map.of("email", email, "password", Api.PASSWORD, "name", "Typo", "inviteToken", "B".repeat(43)))
                .post("/api/v1/auth/register").then().statusCode(400).body("code", equalTo("invalid_token"));
        // The failed attempts created no account: the owner can still register and claim.
        json().body(Map.of("email", email, "password", Api.PASSWORD, "name", "Owner", "inviteToken", token))
                .post("/api/v1/auth/register").then().statusCode(201);
    }
}
