package com.acme.shop.identity;

import static com.acme.shop.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.notification.OutboxDispatcher;
import com.acme.shop.support.Api;
import com.acme.shop.support.Db;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Db db;

    private String requestToken(String email) {
        json().body(Map.of("email", email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        dispatcher.dispatch();
        List<Mail> mails = mailbox.getMailsSentTo(email);
        Mail last = mails.get(mails.size() - 1);
        assertEquals("Reset your password", last.getSubject());
        Matcher link = LINK.matcher(last.getText());
        assertTrue(link.find(), last.getText());
        assertTrue(last.getHtml().contains("http://localhost:8080/reset-password?token=" + link.group(1)));
        return link.group(1);
    }

    @Test
    void aResetLinkSetsTheNewPasswordOnceAndSignsOutEverySession() {
        Api.Session customer = Api.newCustomer();
        String token = requestToken(customer.email());
        json().body(Map.of("token", token, "password", "a brand new password")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(204);
        json().body(Map.of("email", customer.email(), "password", Api.PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(401);
        json().body(Map.of("email", customer.email(), "password", "a brand new password")).post("/api/v1/auth/login")
                .then().statusCode(200);
        json().cookie("refresh_token", customer.refreshToken()).post("/api/v1/auth/refresh").then().statusCode(401)
                .body("code", equalTo("invalid_token"));
        json().body(Map.of("token", token, "password", "yet another password")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).body("code", equalTo("invalid_token"));
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() {
        String email = Api.uniqueEmail();
        json().body(Map.of("email", email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        dispatcher.dispatch();
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
    }

    @Test
    void expiredUnknownAndMalformedTokensAreInvalid() throws Exception {
        Api.Session customer = Api.newCustomer();
        String token = requestToken(customer.email());
        db.execute("UPDATE password_reset_token SET created_at = now() - interval '2 hours', "
                + "expires_at = now() - interval '1 hour' WHERE user_id = ?::uuid", customer.userId());
        json().body(Map.of("token", token, "password", "a brand new password")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).body("code", equalTo("invalid_token"));
        json().body(Map.of("token", "A".repeat(43), "password", "a brand new password"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400).body("code", equalTo("invalid_token"));
        json().body(Map.of("token", "short", "password", "a brand new password"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400).body("code", equalTo("invalid_token"));
        json().body(Map.of("token", token, "password", "short")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(400).body("code", equalTo("validation_failed"));
        json().body(Map.of()).post("/api/v1/auth/password-reset").then().statusCode(400);
    }
}
