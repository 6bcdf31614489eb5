package com.acme.shop.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The {@code outbox_email} table's statements, for {@link Outbox}, its dispatcher and its health check. */
@ApplicationScoped
class OutboxRows {

    private final EntityManager em;

    OutboxRows(EntityManager em) {
        this.em = em;
    }

    /** A mail taken for delivery. */
    record Claimed(UUID id, String kind, String recipient, String payload, int attempts) {
    }

    record Backlog(long pending, long dead, long oldestPendingSeconds) {
    }

    /** @return false when a mail with this dedupe key was already queued */
    boolean insert(String kind, String recipient, String payloadJson, String dedupeKey, String status) {
        return em.createNativeQuery("""
                INSERT INTO outbox_email (id, kind, recipient, payload, dedupe_key, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (dedupe_key) DO NOTHING
                """).setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, recipient)
                .setParameter(4, payloadJson).setParameter(5, dedupeKey).setParameter(6, status).executeUpdate() == 1;
    }

    void release(String dedupeKey) {
        em.createNativeQuery("UPDATE outbox_email SET status = 'pending', next_attempt_at = now() "
                + "WHERE dedupe_key = ?1 AND status = 'held'").setParameter(1, dedupeKey).executeUpdate();
    }

    void discardHeld(String dedupeKey) {
        em.createNativeQuery("DELETE FROM outbox_email WHERE dedupe_key = ?1 AND status = 'held'")
                .setParameter(1, dedupeKey).executeUpdate();
    }

    /**
     * Takes a batch of due mails by pushing their next attempt a lease into the future; SKIP LOCKED so that
     * instances never take the same mail.
     */
    @SuppressWarnings("unchecked")
    List<Claimed> claimDue(int batchSize, Duration lease) {
        List<Tuple> rows = em.createNativeQuery("""
                UPDATE outbox_email SET attempts = attempts + 1, next_attempt_at = now() + ?2 * interval '1 millisecond'
                WHERE id IN (SELECT id FROM outbox_email WHERE status = 'pending' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, recipient, payload, attempts
                """, Tuple.class).setParameter(1, batchSize).setParameter(2, lease.toMillis()).getResultList();
        return rows.stream().map(r -> new Claimed(r.get("id", UUID.class), (String) r.get("kind"),
                (String) r.get("recipient"), (String) r.get("payload"), ((Number) r.get("attempts")).intValue()))
                .toList();
    }

    /** Sent: its payload, which may hold single-use tokens, is dropped. */
    void markSent(UUID id) {
        em.createNativeQuery("UPDATE outbox_email SET status = 'sent', sent_at = now(), payload = '{}', "
                + "last_error = NULL WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    void markFailed(UUID id, boolean giveUp, Duration retryIn, String error) {
        em.createNativeQuery("UPDATE outbox_email SET status = ?2, next_attempt_at = now() + ?3 * interval '1 millisecond', "
                + "last_error = ?4 WHERE id = ?1").setParameter(1, id).setParameter(2, giveUp ? "dead" : "pending")
                .setParameter(3, retryIn.toMillis()).setParameter(4, error.length() > 1000 ? error.substring(0, 1000) : error)
                .executeUpdate();
    }

    /**
     * Clears the payload of up to {@code batch} dead mails queued more than {@code age} ago, oldest first: the row
     * (kind, recipient, last error) stays for the record, the links it carried do not. SKIP LOCKED as the dispatcher.
     */
    int clearDeadPayloads(Duration age, int batch) {
        return em.createNativeQuery("""
                UPDATE outbox_email SET payload = '{}' WHERE id IN (
                    SELECT id FROM outbox_email
                    WHERE status = 'dead' AND payload <> '{}' AND created_at < now() - ?1 * interval '1 millisecond'
                    ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, age.toMillis()).setParameter(2, batch).executeUpdate();
    }

    Backlog backlog() {
        Tuple row = (Tuple) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'dead') AS dead,
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0) AS oldest
                FROM outbox_email
                """, Tuple.class).getSingleResult();
        return new Backlog(((Number) row.get("pending")).longValue(), ((Number) row.get("dead")).longValue(),
                ((Number) row.get("oldest")).longValue());
    }
}
