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
        return em.createNativeQuery("""
                INSERT INTO outbox_email (id, kind, recipient, payload, dedupe_key)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (dedupe_key) DO NOTHING
                """).setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, recipient)
                .setParameter(4, payloadJson).setParameter(5, dedupeKey).executeUpdate() == 1;
    }
}
