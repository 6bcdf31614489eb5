package com.acme.shop.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;

/**
 * {@code Idempotency-Key} handling, decided by the database so it holds across instances. A request claims its
 * key inside the transaction that does the work, with one statement: it takes the key's transaction-scoped
 * advisory lock without waiting (held by someone else: that request is still running, 409) and inserts the key's
 * row. The owner completes the row in the same transaction, so a committed result and its recorded answer can
 * never disagree, and a failed attempt rolls its claim back with everything else: the client may retry the key.
 * Work that commits before it ends (an online payment started after the order committed) commits the row
 * {@code in_progress}; duplicates get 409 until it is completed or {@link #release}d.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final Sql sql;

    IdempotencyKeys(Sql sql) {
        this.sql = sql;
    }

    /** What claiming a key gives: the work to do ({@link Owned}), or the answer it already had ({@link Replay}). */
    public sealed interface Claim permits Owned, Replay {
    }

    /** This request owns the key: do the work, then {@link #complete} (or {@link #release} on failure). */
    public record Owned(String scope, String key, byte[] requestHash) implements Claim {
    }

    /** The stored answer of an earlier request with the same key and body. */
    public record Replay(int status, String body) implements Claim {
    }

    public static String requireValid(String key) {
        if (key == null || key.length() < 8 || key.length() > 255 || key.isBlank()) {
            throw new ApiException(400, "idempotency_key_missing", "Idempotency key missing",
                    "Send an Idempotency-Key header of 8 to 255 characters, the same for every retry of this request");
        }
        return key;
    }

    /**
     * Claims the key in the caller's transaction: the key's lock until that transaction ends, and its row.
     * @throws ApiException 422 idempotency_key_reused for another body, 409 request_in_progress while another
     *         request with the key runs
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(String scope, String key, byte[] requestHash) {
        // One round trip: the lock first (a CTE the insert reads), then the insert only if the lock was free. A
        // conflicting row is then committed (its writer held the lock until it ended), so the upsert sees it.
        boolean[] claim = sql.first("""
                WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended(? || ' ' || ?, 1229)) AS free),
                claimed AS (
                    INSERT INTO idempotency_key AS k (scope, key, request_hash, status, claimed_at, expires_at)
                    SELECT ?, ?, ?, 'in_progress', now(), now() + interval '24 hours' FROM lock WHERE free
                    ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status = 'in_progress',
                        response_status = NULL, response_body = NULL, claimed_at = now(), expires_at = excluded.expires_at
                    WHERE k.expires_at < now() OR (k.status = 'in_progress' AND k.claimed_at < now() - interval '5 minutes')
                    RETURNING 1)
                SELECT free, EXISTS (SELECT 1 FROM claimed) AS owned FROM lock
                """,
                rs -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}, scope, key, scope, key, requestHash)
                .orElseThrow();
        if (!claim[0]) {
            throw inProgress();
        }
        if (claim[1]) {
            return new Owned(scope, key, requestHash);
        }
        Stored stored = sql.first("""
                SELECT request_hash, status, response_status, response_body FROM idempotency_key
                WHERE scope = ? AND key = ?
                """, rs -> new Stored(rs.getBytes(1), rs.getString(2), rs.getInt(3), rs.getString(4)), scope, key)
                .orElseThrow();
        if (!Arrays.equals(stored.requestHash(), requestHash)) {
            throw new ApiException(422, "idempotency_key_reused", "Idempotency key reused",
                    "This Idempotency-Key was used with a different request body");
        }
        if ("in_progress".equals(stored.status())) {
            throw inProgress();
        }
        return new Replay(stored.responseStatus(), stored.responseBody());
    }

    private record Stored(byte[] requestHash, String status, int responseStatus, String responseBody) {
    }

    private static ApiException inProgress() {
        return new ApiException(409, "request_in_progress", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly");
    }

    /** Records the answer in the transaction that does the work, so the two commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Owned claim, int status, String body) {
        sql.update("""
                UPDATE idempotency_key SET status = 'completed', response_status = ?, response_body = ?
                WHERE scope = ? AND key = ?
                """, status, body, claim.scope(), claim.key());
    }

    /** Work that committed its claim failed later and was undone: forget the claim so the key can be retried. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Owned claim) {
        sql.update("DELETE FROM idempotency_key WHERE scope = ? AND key = ? AND status = 'in_progress'", claim.scope(),
                claim.key());
    }

    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "15m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        sql.update("DELETE FROM idempotency_key WHERE expires_at < now()");
    }
}
