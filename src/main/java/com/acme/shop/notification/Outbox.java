package com.acme.shop.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Queues an email in the caller's transaction: it is sent if and only if the change that caused it commits,
 * and a dispatcher delivers it with retries, so an SMTP outage loses nothing. A {@code dedupeKey} makes a
 * mail that must go out once (per order, per address) idempotent.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRows rows;

    Outbox(OutboxRows rows) {
        this.rows = rows;
    }

    /** @return false when a mail with this dedupe key was already queued */
    @Transactional(TxType.MANDATORY)
    public boolean enqueue(String kind, String recipient, String payloadJson, String dedupeKey) {
        return insert(kind, recipient, payloadJson, dedupeKey, "pending");
    }

    /**
     * Queues a mail that must wait for a later event (a Stripe order's confirmation waits for the payment):
     * it is written now, with what only this moment knows (the guest's tracking token), and sent on
     * {@link #release}.
     */
    @Transactional(TxType.MANDATORY)
    public boolean hold(String kind, String recipient, String payloadJson, String dedupeKey) {
        return insert(kind, recipient, payloadJson, dedupeKey, "held");
    }

    @Transactional(TxType.MANDATORY)
    public void release(String dedupeKey) {
        rows.release(dedupeKey);
    }

    /** A held mail whose event will never come (the order was cancelled). */
    @Transactional(TxType.MANDATORY)
    public void discard(String dedupeKey) {
        rows.discardHeld(dedupeKey);
    }

    private boolean insert(String kind, String recipient, String payloadJson, String dedupeKey, String status) {
        return rows.insert(kind, recipient, payloadJson, dedupeKey, status);
    }
}
