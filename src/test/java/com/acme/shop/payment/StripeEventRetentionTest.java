package com.acme.shop.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Processed Stripe events are kept 30 days, then purged by a sweep any instance may run. */
@QuarkusTest
class StripeEventRetentionTest {

    @Inject
    Db db;

    @Inject
    StripeEventRetention retention;

    private String event(String age) {
        String id = "evt_" + UUID.randomUUID();
        db.execute("INSERT INTO stripe_event (id, type, received_at) VALUES (?, 'checkout.session.completed', "
                + "now() - CAST(? AS interval))", id, age);
        return id;
    }

    private boolean kept(String id) {
        return db.count("SELECT count(*) FROM stripe_event WHERE id = ?", id) == 1;
    }

    @Test
    void eventsOlderThanThirtyDaysArePurgedAndYoungerOnesKept() throws Exception {
        String batch = "evt_old_" + UUID.randomUUID() + "_";
        db.execute("INSERT INTO stripe_event (id, type, received_at) SELECT ? || n, 'charge.refunded', "
                + "now() - interval '31 days' FROM generate_series(1, 2500) n", batch);
        String justOld = event("30 days 1 minute");
        String recent = event("29 days 23 hours");
        String today = event("1 minute");

        // two instances sweeping at once: more than one batch each, neither waits on nor fails for the other
        Parallel.run(2, i -> () -> {
            retention.purge();
            return null;
        });

        assertEquals(0L, db.count("SELECT count(*) FROM stripe_event WHERE id LIKE ? || '%'", batch));
        assertFalse(kept(justOld));
        assertTrue(kept(recent));
        assertTrue(kept(today));
    }
}
