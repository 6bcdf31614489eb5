package com.acme.shop.notification;

import static com.acme.shop.support.Api.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Db;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery through a real SMTP server (GreenMail) that goes away and comes back. */
@QuarkusTest
@TestProfile(SmtpDeliveryTest.RealSmtp.class)
class SmtpDeliveryTest {

    static final int PORT = freePort();

    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(PORT), "quarkus.mailer.start-tls", "DISABLED",
                    "shop.mail.retry-base", "50ms", "shop.mail.max-attempts", "4");
        }
    }

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Db db;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() throws Exception {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // Earlier tests' mails are not this test's business.
        db.execute("UPDATE outbox_email SET status = 'sent' WHERE status = 'pending'");
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private String status(String recipient) {
        return db.value("SELECT status FROM outbox_email WHERE recipient = ?", recipient);
    }

    /** An account asks for a password reset: one mail in the outbox. */
    private String resetMailFor() {
        String email = Api.uniqueEmail();
        Api.register(email, Api.PASSWORD, "Mail Test").then().statusCode(201);
        json().body(Map.of("email", email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        return email;
    }

    private static long receivedBy(GreenMail server, String email) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    @Test
    void anSmtpOutageLosesNothingAndSendsNothingTwice() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(resetMailFor());
        }
        assertEquals(3, dispatcher.dispatch());

        smtp.stop();
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            during.add(resetMailFor());
        }
        assertEquals(0, dispatcher.dispatch(), "nothing can be delivered while SMTP is down");
        for (String email : during) {
            assertEquals("pending", status(email));
        }

        GreenMail restarted = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        restarted.start();
        smtp = restarted;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatch();
            return during.stream().allMatch(email -> receivedBy(restarted, email) >= 1);
        });
        dispatcher.dispatch();
        for (String email : during) {
            assertEquals(1, receivedBy(restarted, email), email);
            assertEquals("sent", status(email));
        }
        for (String email : before) {
            assertEquals(0, receivedBy(restarted, email), "already delivered before the outage: not again");
        }
    }

    @Test
    void aMailThatKeepsFailingEndsDeadAndIsCounted() throws Exception {
        smtp.stop();
        String email = resetMailFor();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatch();
            return "dead".equals(status(email));
        });
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("shop_email_dead_total"), "dead mails are counted");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
