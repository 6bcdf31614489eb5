package com.acme.shop.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mails that failed for good lose their payload (reset and invite links) 24 hours after they were queued. */
@QuarkusTest
class DeadMailRetentionTest {

    private static final String SECRET = "{\"link\":\"http://localhost:8080/reset-password?token=SECRET-TOKEN\"}";

    @Inject
    Db db;

    @Inject
    DeadMailRetention retention;

    private UUID mail(String status, String age) {
        UUID id = UUID.randomUUID();
        db.execute("INSERT INTO outbox_email (id, kind, recipient, payload, dedupe_key, status, attempts, last_error, "
                + "created_at) VALUES (?, 'password_reset', 'someone@example.com', ?, ?, ?, 8, 'smtp down', "
                + "now() - CAST(? AS interval))", id, SECRET, "retention-test:" + id, status, age);
        return id;
    }

    private Map<String, Object> row(UUID id) {
        return db.row("SELECT status, payload, recipient, last_error FROM outbox_email WHERE id = ?", id);
    }

    @Test
    void deadMailsLoseTheirPayloadAfterTheRetentionAndKeepTheirRecord() {
        UUID oldDead = mail("dead", "25 hours");
        UUID youngDead = mail("dead", "23 hours");
        UUID oldPending = mail("pending", "25 hours");
        UUID oldHeld = mail("held", "25 hours");

        retention.clear();

        Map<String, Object> cleared = row(oldDead);
        assertEquals("{}", cleared.get("payload"));
        assertEquals("dead", cleared.get("status"));
        assertEquals("someone@example.com", cleared.get("recipient"));
        assertEquals("smtp down", cleared.get("last_error"));
        assertEquals(SECRET, row(youngDead).get("payload"), "not yet");
        assertEquals(SECRET, row(oldPending).get("payload"), "still to be delivered");
        assertEquals(SECRET, row(oldHeld).get("payload"), "waiting for its payment");

        retention.clear();
        assertEquals("{}", row(oldDead).get("payload"));
        db.execute("DELETE FROM outbox_email WHERE dedupe_key LIKE 'retention-test:%'");
    }
}
