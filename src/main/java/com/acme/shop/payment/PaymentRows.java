package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;
import com.acme.shop.platform.Sql;
import java.time.Duration;

/**
 * The payment feature's SQL: the {@code stripe_event} table that makes each webhook event take effect once, and its
 * retention.
 */
@ApplicationScoped
class PaymentRows {

    private final Sql sql;

    PaymentRows(Sql sql) {
        this.sql = sql;
    }

    /** @return false when the event was already recorded (a redelivery, or a concurrent delivery of it) */
    boolean recordEvent(String eventId, String type) {
        return sql.update("INSERT INTO stripe_event (id, type) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                eventId, type) == 1;
    }

    /**
     * Deletes up to {@code batch} events recorded more than {@code age} ago, oldest first; SKIP LOCKED so sweeps on
     * several instances take disjoint rows and never wait on each other.
     */
    int purgeEventsOlderThan(Duration age, int batch) {
        return sql.update("""
                DELETE FROM stripe_event WHERE id IN (
                    SELECT id FROM stripe_event WHERE received_at < now() - ? * interval '1 millisecond'
                    ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED)
                """, age.toMillis(), batch);
    }
}
