package com.acme.shop.ordering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/** The ordering feature's set-based and sequence SQL; rows are read by column name. Orders themselves are entities. */
@ApplicationScoped
class OrderRows {

    private final EntityManager em;

    OrderRows(EntityManager em) {
        this.em = em;
    }

    /** SO-1001, SO-1002...: a sequence, so numbers never repeat, across instances too. */
    String nextOrderNumber() {
        return "SO-" + em.createNativeQuery("SELECT nextval('order_number_seq')").getSingleResult();
    }

    /**
     * Unpaid orders whose payment hold ran out a grace minute ago (the minute lets a just-in-time payment's webhook
     * win the race), locked; SKIP LOCKED lets every instance sweep at once without taking one order twice or
     * waiting on one a webhook is handling.
     */
    @SuppressWarnings("unchecked")
    List<UUID> lockExpiredUnpaid(int batch) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id FROM customer_order
                WHERE status = 'PENDING_PAYMENT' AND payment_provider = 'stripe'
                  AND payment_expires_at < now() - interval '1 minute'
                ORDER BY payment_expires_at LIMIT ?1 FOR UPDATE SKIP LOCKED
                """, Tuple.class).setParameter(1, batch).getResultList();
        return rows.stream().map(r -> r.get("id", UUID.class)).toList();
    }

    record CustomerTotals(long orders, long spentCents) {
    }

    /** Every order counts; money spent is what was paid and not refunded. */
    CustomerTotals customerTotals(UUID userId) {
        Tuple row = (Tuple) em.createNativeQuery("""
                SELECT count(*) AS orders,
                       coalesce(sum(total_cents - refunded_cents) FILTER (
                           WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')), 0) AS spent
                FROM customer_order WHERE user_id = ?1
                """, Tuple.class).setParameter(1, userId).getSingleResult();
        return new CustomerTotals(((Number) row.get("orders")).longValue(), ((Number) row.get("spent")).longValue());
    }

    /** Gives a new account the guest orders placed with its email. */
    int claimGuestOrders(String email, UUID userId) {
        return em.createNativeQuery("UPDATE customer_order SET user_id = ?1 WHERE email = ?2 AND user_id IS NULL")
                .setParameter(1, userId).setParameter(2, email).executeUpdate();
    }
}
