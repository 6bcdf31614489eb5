package com.acme.shop.ordering;

import jakarta.enterprise.context.ApplicationScoped;
import com.acme.shop.platform.Sql;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The ordering feature's set-based and sequence SQL; rows are read by column name. Orders themselves are entities. */
@ApplicationScoped
class OrderRows {

    private final EntityManager em;
    private final Sql sql;

    OrderRows(EntityManager em, Sql sql) {
        this.em = em;
        this.sql = sql;
    }

    /** SO-1001, SO-1002...: a sequence, so numbers never repeat, across instances too. */
    String nextOrderNumber() {
        return "SO-" + sql.first("SELECT nextval('order_number_seq')", rs -> rs.getLong(1)).orElseThrow();
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

    /**
     * Unpaid manual orders placed more than {@code timeout} ago, locked; SKIP LOCKED as for Stripe orders, so sweeps
     * on every instance take disjoint orders, and an order an admin is marking paid (its row locked) is passed over.
     */
    @SuppressWarnings("unchecked")
    List<UUID> lockStaleManualUnpaid(Duration timeout, int batch) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT id FROM customer_order
                WHERE status = 'PENDING_PAYMENT' AND payment_provider = 'manual'
                  AND created_at < now() - ?1 * interval '1 millisecond'
                ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED
                """, Tuple.class).setParameter(1, timeout.toMillis()).setParameter(2, batch).getResultList();
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

    // --- the admin overview: paid orders of a period, by day from the rollup (V10) or from the orders -----

    private static final String PAID = "o.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')";
    /** The paid orders of one UTC day {@code open.day}. */
    private static final String ON_THE_DAY = PAID + " AND o.created_at >= (open.day::timestamp AT TIME ZONE 'UTC') "
            + "AND o.created_at < ((open.day + 1)::timestamp AT TIME ZONE 'UTC')";
    /** The days of [?1, ?2] that have no rollup (yet, or any more). */
    private static final String OPEN_DAYS = "open AS (SELECT d::date AS day FROM generate_series(CAST(?1 AS timestamp), CAST(?2 AS timestamp), "
            + "interval '1 day') d WHERE NOT EXISTS (SELECT 1 FROM sales_day s WHERE s.day = d::date))";
    /**
     * The totals of the paid orders of the day {@code open.day}. A LATERAL aggregate, so each day is one index range
     * scan: as a plain join the planner, which cannot see how few days are open, scans every order.
     */
    private static final String DAY_TOTALS = "SELECT count(*) AS orders, coalesce(sum(o.total_cents), 0) AS gross, "
            + "coalesce(sum(o.refunded_cents), 0) AS refunded, count(*) FILTER (WHERE o.user_id IS NULL) AS guest_orders "
            + "FROM customer_order o WHERE " + ON_THE_DAY;
    /** One row per day of [?1, ?2]: the rollup where there is one, else counted from the orders. */
    private static final String DAYS = "WITH " + OPEN_DAYS + ", days AS ("
            + "SELECT day, orders, gross_cents, refunded_cents, guest_orders FROM sales_day WHERE day BETWEEN ?1 AND ?2 "
            + "UNION ALL SELECT open.day, t.orders, t.gross, t.refunded, t.guest_orders FROM open CROSS JOIN LATERAL "
            + "(" + DAY_TOTALS + ") t) ";
    /** A line's net: its total less its share of the order's refunds. */
    private static final String LINE_NET = "l.line_total_cents - CASE WHEN o.refunded_cents = 0 OR o.total_cents = 0 THEN 0 "
            + "ELSE round(o.refunded_cents::numeric * l.line_total_cents / o.total_cents)::bigint END";
    /**
     * The lines of order {@code o}, one index probe each. The planner cannot see how few orders the open days hold
     * and would otherwise hash the whole order_line table: the orders are a MATERIALIZED CTE first, and OFFSET 0
     * keeps this subquery from being pulled up into a join it could reorder.
     */
    private static final String LINES_OF_O = "(SELECT product_id, quantity, line_total_cents FROM order_line "
            + "WHERE order_id = o.id OFFSET 0) l";
    /** The advisory lock of a day's rollup (see V10): the first key names the rollup, the second the day. */
    private static final String DAY_LOCK = "1397509700, d - DATE '2000-01-01'";

    /** Plans for the actual dates, without JIT. */
    void planForTheDates() {
        // Plans made for the actual dates (a generic plan cannot see how few days are open), and no JIT: compiling
        // these plans took about 0.5 s of a 0.1 s query at 1,000,000 orders.
        em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
                + "set_config('jit', 'off', true)")
                .getSingleResult();
    }

    /**
     * Rolls up what the days of [first, last] that have ended (UTC) lack, in a transaction of its own: their totals
     * and best sellers ({@code sales_day}, V10) and their month-to-date best sellers ({@code sales_to_date}, V19).
     * A month-to-date row of a day sums every day from the first of its month, so when any day lacks it, every day
     * from the first of the earliest such day's month through the last such day is locked (in day order, so two
     * overviews never deadlock, and exclusively, so no change to one of their orders is under way), and then
     * three statements, each seeing what the locks waited for: the count of locks, the missing days, the missing
     * month-to-date rows. Only days inside the locked span are written.
     */
    @Transactional(TxType.REQUIRES_NEW)
    void rollUp(LocalDate first, LocalDate last) {
        Tuple span = (Tuple) em.createNativeQuery("WITH missing AS (SELECT d::date AS d FROM generate_series("
                + "CAST(?1 AS timestamp), LEAST(CAST(?2 AS date), (now() AT TIME ZONE 'UTC')::date - 1)::timestamp, "
                + "interval '1 day') d WHERE NOT EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = d::date)), "
                + "span AS (SELECT date_trunc('month', min(d))::date AS lo, max(d) AS hi FROM missing) "
                + "SELECT lo, hi, (SELECT count(pg_advisory_xact_lock(" + DAY_LOCK + ")) FROM (SELECT g::date AS d "
                + "FROM generate_series(lo::timestamp, hi::timestamp, interval '1 day') g ORDER BY 1) l) AS locked "
                + "FROM span", Tuple.class)
                .setParameter(1, first.withDayOfMonth(1)).setParameter(2, last).getSingleResult();
        if (span.get("lo") == null) {
            return;
        }
        LocalDate lo = localDate(span.get("lo"));
        LocalDate hi = localDate(span.get("hi"));
        String missing = "SELECT d::date AS d FROM generate_series(CAST(?1 AS timestamp), CAST(?2 AS timestamp), "
                + "interval '1 day') d WHERE NOT EXISTS (SELECT 1 FROM sales_day s WHERE s.day = d::date)";
        em.createNativeQuery("WITH open AS (SELECT d AS day FROM (" + missing + ") m), "
                + "written AS (INSERT INTO sales_day (day, orders, gross_cents, refunded_cents, guest_orders) "
                + "SELECT open.day, t.orders, t.gross, t.refunded, t.guest_orders FROM open CROSS JOIN LATERAL ("
                + DAY_TOTALS + ") t ON CONFLICT (day) DO NOTHING RETURNING day), "
                + "sold AS MATERIALIZED (SELECT open.day, o.id, o.total_cents, o.refunded_cents FROM written open "
                + "JOIN customer_order o ON " + ON_THE_DAY + ") "
                + "INSERT INTO sales_day_product (day, product_id, units, net_cents) "
                + "SELECT o.day, l.product_id, sum(l.quantity), sum(" + LINE_NET + ") FROM sold o CROSS JOIN LATERAL "
                + LINES_OF_O + " GROUP BY o.day, l.product_id").setParameter(1, lo).setParameter(2, hi).executeUpdate();
        // Each product's running sums over the days of a month (from the first day it sold, so a day it did not
        // sell carries the sums on), kept for the days that lack them.
        em.createNativeQuery("WITH marked AS (INSERT INTO sales_to_date (day) SELECT d::date FROM generate_series("
                + "CAST(?1 AS timestamp), CAST(?2 AS timestamp), interval '1 day') d "
                + "WHERE NOT EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = d::date) "
                + "ON CONFLICT (day) DO NOTHING RETURNING day), "
                + "months AS (SELECT date_trunc('month', day)::date AS m, max(day) AS e FROM marked GROUP BY 1), "
                + "sold AS (SELECT m.m, s.day, s.product_id, s.units, s.net_cents FROM months m "
                + "JOIN sales_day_product s ON s.day BETWEEN m.m AND m.e), "
                + "grid AS (SELECT f.m, g::date AS day, f.product_id FROM (SELECT m.m, m.e, s.product_id, "
                + "min(s.day) AS first FROM months m JOIN sold s ON s.m = m.m GROUP BY 1, 2, 3) f "
                + "CROSS JOIN LATERAL generate_series(f.first::timestamp, f.e::timestamp, interval '1 day') g), "
                + "running AS (SELECT grid.day, grid.product_id, sum(coalesce(sold.units, 0)) OVER w AS units, "
                + "sum(coalesce(sold.net_cents, 0)) OVER w AS net FROM grid LEFT JOIN sold "
                + "ON sold.day = grid.day AND sold.product_id = grid.product_id "
                + "WINDOW w AS (PARTITION BY grid.m, grid.product_id ORDER BY grid.day)) "
                + "INSERT INTO sales_product_to_date (day, product_id, units, net_cents) "
                + "SELECT r.day, r.product_id, r.units, r.net FROM running r JOIN marked USING (day)")
                .setParameter(1, lo).setParameter(2, hi).executeUpdate();
    }

    record PeriodTotals(long orders, long grossCents, long refundedCents, long customers, long guestOrders) {
        static final PeriodTotals NONE = new PeriodTotals(0, 0, 0, 0, 0);
    }

    /**
     * The totals of the days [from, last] (true) and [previousFrom, from) (false). A buyer is an account or a
     * guest email; distinct buyers cannot be summed over days, so they come from the buyers' return days (V11):
     * a buyer counts in a period on their first buying day in it, the one whose previous buying day is before it.
     */
    @SuppressWarnings("unchecked")
    Map<Boolean, PeriodTotals> paidTotals(LocalDate previousFrom, LocalDate from, LocalDate last) {
        List<Tuple> rows = em.createNativeQuery(DAYS + "SELECT day >= ?3 AS current, sum(orders) AS orders, "
                + "sum(gross_cents) AS gross, sum(refunded_cents) AS refunded, sum(guest_orders) AS guest_orders "
                + "FROM days GROUP BY 1", Tuple.class)
                .setParameter(1, previousFrom).setParameter(2, last).setParameter(3, from).getResultList();
        Tuple buyers = (Tuple) em.createNativeQuery("SELECT "
                + "coalesce(sum(buyers) FILTER (WHERE day >= ?2 AND previous < ?2), 0) AS current, "
                + "coalesce(sum(buyers) FILTER (WHERE day < ?2 AND previous < ?1), 0) AS previous "
                + "FROM sales_buyer_return WHERE day BETWEEN ?1 AND ?3", Tuple.class)
                .setParameter(1, previousFrom).setParameter(2, from).setParameter(3, last).getSingleResult();
        Map<Boolean, PeriodTotals> totals = new HashMap<>();
        rows.forEach(r -> {
            boolean current = (Boolean) r.get("current");
            totals.put(current, new PeriodTotals(number(r, "orders"), number(r, "gross"), number(r, "refunded"),
                    number(buyers, current ? "current" : "previous"), number(r, "guest_orders")));
        });
        return totals;
    }

    record Bucket(LocalDate start, long orders, long netCents) {
    }

    /** Paid orders and their net per day, week (from Monday) or month of the days [from, last]. */
    @SuppressWarnings("unchecked")
    List<Bucket> paidSeries(LocalDate from, LocalDate last, String unit) {
        List<Tuple> rows = em.createNativeQuery(DAYS + "SELECT (date_trunc(?3, day::timestamp))::date AS start, "
                + "sum(orders) AS orders, sum(gross_cents - refunded_cents) AS net FROM days GROUP BY 1 ORDER BY 1",
                Tuple.class).setParameter(1, from).setParameter(2, last).setParameter(3, unit).getResultList();
        return rows.stream().map(r -> new Bucket(localDate(r.get("start")), number(r, "orders"), number(r, "net")))
                .toList();
    }

    record Seller(UUID productId, String name, long units, long netCents) {
    }

    /**
     * The products sold most (by units) in the paid orders of the days [from, last]; a line's net is its total less
     * its share of the order's refunds; the name is one the product was sold under. The period's ended days are cut
     * at month ends; a piece [a, b] of a month reads the month-to-date rows of b less those of a - 1 (V19) when both
     * are there (every day of it is rolled up), else the rows of its rolled-up days; days without a rollup (today,
     * or a day whose orders just changed) come from the orders. So a year reads about 13 x 2 days of rows.
     */
    @SuppressWarnings("unchecked")
    List<Seller> bestSellers(LocalDate from, LocalDate last, int limit) {
        List<Tuple> rows = em.createNativeQuery("WITH " + OPEN_DAYS + ", live AS MATERIALIZED (SELECT o.id, "
                + "o.total_cents, o.refunded_cents FROM open JOIN customer_order o ON " + ON_THE_DAY + "), "
                + "pieces AS MATERIALIZED (SELECT a, b, a = m AS whole, (a = m OR b > a) "
                + "AND EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = b) "
                + "AND (a = m OR EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = a - 1)) AS to_date "
                + "FROM (SELECT m::date AS m, GREATEST(m::date, CAST(?1 AS date)) AS a, LEAST((m + interval '1 month')::date - 1, "
                + "CAST(?2 AS date), (now() AT TIME ZONE 'UTC')::date - 1) AS b FROM generate_series("
                + "date_trunc('month', CAST(?1 AS timestamp)), CAST(?2 AS timestamp), interval '1 month') m) p "
                + "WHERE b >= a), "
                + "sold AS (SELECT t.product_id, t.units, t.net_cents AS net FROM pieces p "
                + "JOIN sales_product_to_date t ON t.day = p.b WHERE p.to_date "
                + "UNION ALL SELECT t.product_id, -t.units, -t.net_cents FROM pieces p "
                + "JOIN sales_product_to_date t ON t.day = p.a - 1 WHERE p.to_date AND NOT p.whole "
                + "UNION ALL SELECT s.product_id, s.units, s.net_cents FROM pieces p "
                + "JOIN sales_day_product s ON s.day BETWEEN p.a AND p.b WHERE NOT p.to_date "
                + "UNION ALL SELECT l.product_id, l.quantity, " + LINE_NET + " FROM live o CROSS JOIN LATERAL "
                + LINES_OF_O + "), "
                + "top AS (SELECT product_id, sum(units) AS units, sum(net) AS net FROM sold GROUP BY product_id "
                + "HAVING sum(units) > 0 ORDER BY units DESC, net DESC, product_id LIMIT ?3) "
                + "SELECT top.product_id, top.units, top.net, "
                + "(SELECT n.name FROM order_line n WHERE n.product_id = top.product_id LIMIT 1) AS name "
                + "FROM top ORDER BY top.units DESC, top.net DESC, top.product_id", Tuple.class)
                .setParameter(1, from).setParameter(2, last).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Seller(r.get("product_id", UUID.class), (String) r.get("name"),
                number(r, "units"), number(r, "net"))).toList();
    }

    record Waiting(long awaitingPayment, long toShip) {
    }

    /** Orders that wait for someone now: unpaid ones, and paid ones not shipped yet (V19's counts). */
    Waiting waiting() {
        Tuple row = (Tuple) em.createNativeQuery("""
                SELECT coalesce(sum(n) FILTER (WHERE status = 'PENDING_PAYMENT'), 0) AS awaiting,
                       coalesce(sum(n) FILTER (WHERE status = 'PAID'), 0) AS to_ship
                FROM (SELECT status, orders AS n FROM order_waiting
                      UNION ALL SELECT status, delta FROM order_waiting_change) c
                """, Tuple.class).getSingleResult();
        return new Waiting(number(row, "awaiting"), number(row, "to_ship"));
    }

    /** Moves the waiting counts' change rows into the counts (V19); returns how many it moved. */
    long foldWaiting() {
        return ((Number) em.createNativeQuery("SELECT order_waiting_fold()").getSingleResult()).longValue();
    }

    private static long number(Tuple row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }
}
