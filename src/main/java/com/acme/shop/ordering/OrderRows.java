package com.acme.shop.ordering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    // --- the admin overview: paid orders of a period, read from customer_order_paid_by_created (V9) -------

    private static final String PAID = "status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')";

    /**
     * Gives this transaction's sorts and hashes room: a period's distinct buyers are counted over every paid order in
     * it and the previous one, which spills to disk at the default 4 MB from about 100,000 orders.
     */
    void roomForAggregates() {
        em.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
    }

    record PeriodTotals(long orders, long grossCents, long refundedCents, long customers, long guestOrders) {
        static final PeriodTotals NONE = new PeriodTotals(0, 0, 0, 0, 0);
    }

    /** The totals of [from, to) and of [previousFrom, from), in one scan; a buyer is an account or a guest email. */
    @SuppressWarnings("unchecked")
    Map<Boolean, PeriodTotals> paidTotals(Instant previousFrom, Instant from, Instant to) {
        List<Tuple> rows = em.createNativeQuery("SELECT created_at >= ?2 AS current, count(*) AS orders, "
                + "coalesce(sum(total_cents), 0) AS gross, coalesce(sum(refunded_cents), 0) AS refunded, "
                + "count(DISTINCT coalesce(user_id::text, email)) AS customers, "
                + "count(*) FILTER (WHERE user_id IS NULL) AS guest_orders "
                + "FROM customer_order WHERE " + PAID + " AND created_at >= ?1 AND created_at < ?3 GROUP BY 1",
                Tuple.class).setParameter(1, previousFrom).setParameter(2, from).setParameter(3, to).getResultList();
        Map<Boolean, PeriodTotals> totals = new HashMap<>();
        rows.forEach(r -> totals.put((Boolean) r.get("current"), new PeriodTotals(number(r, "orders"),
                number(r, "gross"), number(r, "refunded"), number(r, "customers"), number(r, "guest_orders"))));
        return totals;
    }

    record Bucket(LocalDate start, long orders, long netCents) {
    }

    /** Paid orders and their net per day, week (from Monday) or month, for the buckets that have any. */
    @SuppressWarnings("unchecked")
    List<Bucket> paidSeries(Instant from, Instant to, String unit) {
        List<Tuple> rows = em.createNativeQuery("SELECT (date_trunc(?3, created_at AT TIME ZONE 'UTC'))::date AS start, "
                + "count(*) AS orders, sum(total_cents - refunded_cents) AS net "
                + "FROM customer_order WHERE " + PAID + " AND created_at >= ?1 AND created_at < ?2 GROUP BY 1 ORDER BY 1",
                Tuple.class).setParameter(1, from).setParameter(2, to).setParameter(3, unit).getResultList();
        return rows.stream().map(r -> new Bucket(localDate(r.get("start")), number(r, "orders"), number(r, "net")))
                .toList();
    }

    record Seller(UUID productId, String name, long units, long netCents) {
    }

    /**
     * The products sold most (by units) in paid orders of [from, to). A line's net is its total less its share of
     * the order's refunds; the name is one the product was sold under.
     */
    @SuppressWarnings("unchecked")
    List<Seller> bestSellers(Instant from, Instant to, int limit) {
        List<Tuple> rows = em.createNativeQuery("""
                WITH paid AS MATERIALIZED (
                    SELECT id, total_cents, refunded_cents FROM customer_order
                    WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED') AND created_at >= ?1 AND created_at < ?2),
                sold AS (
                    SELECT l.product_id, sum(l.quantity) AS units,
                           sum(l.line_total_cents - CASE WHEN o.refunded_cents = 0 OR o.total_cents = 0 THEN 0
                               ELSE round(o.refunded_cents::numeric * l.line_total_cents / o.total_cents) END) AS net
                    FROM paid o JOIN order_line l ON l.order_id = o.id
                    GROUP BY l.product_id ORDER BY units DESC, net DESC, l.product_id LIMIT ?3)
                SELECT s.product_id, s.units, s.net,
                       (SELECT n.name FROM order_line n WHERE n.product_id = s.product_id LIMIT 1) AS name
                FROM sold s ORDER BY s.units DESC, s.net DESC, s.product_id
                """, Tuple.class).setParameter(1, from).setParameter(2, to).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Seller(r.get("product_id", UUID.class), (String) r.get("name"),
                number(r, "units"), number(r, "net"))).toList();
    }

    record Waiting(long awaitingPayment, long toShip) {
    }

    /** Orders that wait for someone now: unpaid ones, and paid ones not shipped yet. */
    Waiting waiting() {
        Tuple row = (Tuple) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status = 'PENDING_PAYMENT') AS awaiting,
                       count(*) FILTER (WHERE status = 'PAID') AS to_ship
                FROM customer_order WHERE status IN ('PENDING_PAYMENT', 'PAID')
                """, Tuple.class).getSingleResult();
        return new Waiting(number(row, "awaiting"), number(row, "to_ship"));
    }

    private static long number(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
