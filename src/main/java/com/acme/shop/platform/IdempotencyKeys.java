package com.acme.shop.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Idempotency-Key} handling, decided by the database so it holds across instances. A request first
 * claims its key with one conditional upsert (committed at once): whoever inserts the row owns the work; a
 * duplicate sees the row and gets the stored answer, a 409 while the owner still runs, or a 422 if its body
 * differs. The owner completes the row in the same transaction as its work, so a committed result and its
 * recorded answer can never disagree. A failed attempt releases its key so the client may retry it.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;

    IdempotencyKeys(EntityManager em) {
        this.em = em;
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
     * Claims the key in a transaction of its own (committed at once, so a concurrent duplicate sees it).
     * @throws ApiException 422 idempotency_key_reused for another body, 409 request_in_progress while the owner runs
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String scope, String key, byte[] requestHash) {
        List<?> owned = em.createNativeQuery("""
                INSERT INTO idempotency_key AS k (scope, key, request_hash, status, claimed_at, expires_at)
                VALUES (?1, ?2, ?3, 'in_progress', now(), now() + interval '24 hours')
                ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status = 'in_progress',
                    response_status = NULL, response_body = NULL, claimed_at = now(), expires_at = excluded.expires_at
                WHERE k.expires_at < now() OR (k.status = 'in_progress' AND k.claimed_at < now() - interval '5 minutes')
                RETURNING 1
                """).setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).getResultList();
        if (!owned.isEmpty()) {
            return new Owned(scope, key, requestHash);
        }
        Tuple row = (Tuple) em.createNativeQuery("""
                SELECT request_hash, status, response_status, response_body FROM idempotency_key
                WHERE scope = ?1 AND key = ?2
                """, Tuple.class).setParameter(1, scope).setParameter(2, key).getSingleResult();
        if (!Arrays.equals(row.get("request_hash", byte[].class), requestHash)) {
            throw new ApiException(422, "idempotency_key_reused", "Idempotency key reused",
                    "This Idempotency-Key was used with a different request body");
        }
        if ("in_progress".equals(row.get("status"))) {
            throw new ApiException(409, "request_in_progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        return new Replay(((Number) row.get("response_status")).intValue(), (String) row.get("response_body"));
    }

    /** Records the answer in the transaction that does the work, so the two commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Owned claim, int status, String body) {
        em.createNativeQuery("""
                UPDATE idempotency_key SET status = 'completed', response_status = ?3, response_body = ?4
                WHERE scope = ?1 AND key = ?2
                """).setParameter(1, claim.scope()).setParameter(2, claim.key()).setParameter(3, status)
                .setParameter(4, body).executeUpdate();
    }

    /** The work failed and changed nothing: forget the claim so the same key can be retried. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Owned claim) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE scope = ?1 AND key = ?2 AND status = 'in_progress'")
                .setParameter(1, claim.scope()).setParameter(2, claim.key()).executeUpdate();
    }

    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "15m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE expires_at < now()").executeUpdate();
    }
}
