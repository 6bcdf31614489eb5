package com.acme.shop.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * The payment feature's SQL: the {@code stripe_event} table that makes each webhook event take effect once, and its
 * retention.
 */
@ApplicationScoped
class PaymentRows {

    private final EntityManager em;

    PaymentRows(EntityManager em) {
        this.em = em;
    }

    /** @return false when the event was already recorded (a redelivery, or a concurrent delivery of it) */
    boolean recordEvent(String eventId, String type) {
        return em.createNativeQuery("INSERT INTO stripe_event (id, type) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, type).executeUpdate() == 1;
    }

    /**
     * Deletes up to {@code batch} events recorded more than {@code age} ago, oldest first; SKIP LOCKED so sweeps on
     * several instances take disjoint rows and never wait on each other.
     */
    int purgeEventsOlderThan(Duration age, int batch) {
        return em.createNativeQuery("""
                DELETE FROM stripe_event WHERE id IN (
                    SELECT id FROM stripe_event WHERE received_at < now() - ?1 * interval '1 millisecond'
                    ORDER BY received_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, age.toMillis()).setParameter(2, batch).executeUpdate();
    }
}
