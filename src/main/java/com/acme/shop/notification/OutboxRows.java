package com.acme.shop.notification;

import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The {@code outbox_email} table's statements, for {@link Outbox}, its dispatcher and its health check. Plain JDBC
 * ({@link Sql}): the insert is on the checkout path, and every placed order's mail is claimed and marked sent.
 */
@ApplicationScoped
class OutboxRows {

    private final Sql sql;

    OutboxRows(Sql sql) {
        this.sql = sql;
    }

    /** A mail taken for delivery. */
    record Claimed(UUID id, String kind, String recipient, String payload, int attempts) {
    }

    record Backlog(long pending, long dead, long oldestPendingSeconds) {
    }

    /** @return false when a mail with this dedupe key was already queued */
    boolean insert(String kind, String recipient, String payloadJson, String dedupeKey, String status) {
        return sql.update("""
                INSERT INTO outbox_email (id, kind, recipient, payload, dedupe_key, status)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING
                """, UUID.randomUUID(), kind, recipient, payloadJson, dedupeKey, status) == 1;
    }

    void release(String dedupeKey) {
        sql.update("UPDATE outbox_email SET status = 'pending', next_attempt_at = now() "
                + "WHERE dedupe_key = ? AND status = 'held'", dedupeKey);
    }

    void discardHeld(String dedupeKey) {
        sql.update("DELETE FROM outbox_email WHERE dedupe_key = ? AND status = 'held'", dedupeKey);
    }

    /**
     * Takes a batch of due mails by pushing their next attempt a lease into the future; SKIP LOCKED so that
     * instances never take the same mail.
     */
    List<Claimed> claimDue(int batchSize, Duration lease) {
        return sql.list("""
                UPDATE outbox_email SET attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond'
                WHERE id IN (SELECT id FROM outbox_email WHERE status = 'pending' AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, recipient, payload, attempts
                """, rs -> new Claimed(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("recipient"),
                rs.getString("payload"), rs.getInt("attempts")), lease.toMillis(), batchSize);
    }

    /** Sent: its payload, which may hold single-use tokens, is dropped. */
    void markSent(UUID id) {
        sql.update("UPDATE outbox_email SET status = 'sent', sent_at = now(), payload = '{}', last_error = NULL "
                + "WHERE id = ?", id);
    }

    void markFailed(UUID id, boolean giveUp, Duration retryIn, String error) {
        sql.update("UPDATE outbox_email SET status = ?, next_attempt_at = now() + ? * interval '1 millisecond', "
                + "last_error = ? WHERE id = ?", giveUp ? "dead" : "pending", retryIn.toMillis(),
                error.length() > 1000 ? error.substring(0, 1000) : error, id);
    }

    /**
     * Clears the payload of up to {@code batch} dead mails queued more than {@code age} ago, oldest first: the row
     * (kind, recipient, last error) stays for the record, the links it carried do not. SKIP LOCKED as the dispatcher.
     */
    int clearDeadPayloads(Duration age, int batch) {
        return sql.update("""
                UPDATE outbox_email SET payload = '{}' WHERE id IN (
                    SELECT id FROM outbox_email
                    WHERE status = 'dead' AND payload <> '{}' AND created_at < now() - ? * interval '1 millisecond'
                    ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                """, age.toMillis(), batch);
    }

    Backlog backlog() {
        return sql.first("""
                SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'dead') AS dead,
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0) AS oldest
                FROM outbox_email
                """, rs -> new Backlog(rs.getLong("pending"), rs.getLong("dead"), rs.getLong("oldest")))
                .orElseThrow();
    }
}
