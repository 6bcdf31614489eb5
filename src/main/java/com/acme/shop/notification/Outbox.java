package com.acme.shop.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Queues an email in the caller's transaction: it is sent if and only if the change that caused it commits,
 * and a dispatcher delivers it with retries, so an SMTP outage loses nothing. A {@code dedupeKey} makes a
 * mail that must go out once (per order, per address) idempotent.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;

    Outbox(EntityManager em) {
        this.em = em;
    }

    /** @return false when a mail with this dedupe key was already queued */
    public boolean enqueue(String kind, String recipient, String payloadJson, String dedupeKey) {
        return insert(kind, recipient, payloadJson, dedupeKey, "pending");
    }

    /**
     * Queues a mail that must wait for a later event (a Stripe order's confirmation waits for the payment):
     * it is written now, with what only this moment knows (the guest's tracking token), and sent on
     * {@link #release}.
     */
    public boolean hold(String kind, String recipient, String payloadJson, String dedupeKey) {
        return insert(kind, recipient, payloadJson, dedupeKey, "held");
    }

    public void release(String dedupeKey) {
        em.createNativeQuery("UPDATE outbox_email SET status = 'pending', next_attempt_at = now() "
                + "WHERE dedupe_key = ?1 AND status = 'held'").setParameter(1, dedupeKey).executeUpdate();
    }

    /** A held mail whose event will never come (the order was cancelled). */
    public void discard(String dedupeKey) {
        em.createNativeQuery("DELETE FROM outbox_email WHERE dedupe_key = ?1 AND status = 'held'")
                .setParameter(1, dedupeKey).executeUpdate();
    }

    private boolean insert(String kind, String recipient, String payloadJson, String dedupeKey, String status) {
        return em.createNativeQuery("""
                INSERT INTO outbox_email (id, kind, recipient, payload, dedupe_key, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (dedupe_key) DO NOTHING
                """).setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, recipient)
                .setParameter(4, payloadJson).setParameter(5, dedupeKey).setParameter(6, status).executeUpdate() == 1;
    }
}
