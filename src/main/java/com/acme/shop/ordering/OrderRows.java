package com.acme.shop.ordering;

import com.acme.shop.payment.PaymentMethod;
import com.acme.shop.payment.RefundStatus;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ordering feature's SQL ({@link Sql}): orders, their lines, history and refunds read by column name and
 * written explicitly ({@link #insert}, {@link #save}), and the set-based and sequence statements.
 */
@ApplicationScoped
class OrderRows {

    private final Sql sql;

    OrderRows(Sql sql) {
        this.sql = sql;
    }

    // --- orders -------------------------------------------------------------------------------------------

    private static final String ORDER = "SELECT id, number, user_id, email, status, currency, subtotal_cents, "
            + "discount_cents, promotion_code, shipping_cents, tax_cents, total_cents, refunded_cents, "
            + "payment_provider, payment_status, payment_reference, payment_intent, payment_expires_at, "
            + "tracking_number, tracking_token_hash, ship_full_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, "
            + "ship_country, ship_phone, created_at, updated_at, version FROM customer_order ";

    Optional<Order> order(UUID id) {
        return sql.first(ORDER + "WHERE id = ?", OrderRows::order, id);
    }

    /**
     * The order, its row locked until the transaction ends: concurrent changes of one order run one at a time.
     * {@code FOR NO KEY UPDATE}, the lock an update of its (non-key) columns takes anyway, so inserting rows that
     * refer to the order (its history, refunds, a code's redemption) elsewhere is not held up by it.
     */
    Optional<Order> lock(UUID id) {
        return sql.first(ORDER + "WHERE id = ? FOR NO KEY UPDATE", OrderRows::order, id);
    }

    /** The orders a payment paid, locked as {@link #lock} does (one in practice); the first of them. */
    Optional<Order> lockByPaymentIntent(String paymentIntent) {
        return sql.list(ORDER + "WHERE payment_intent = ? FOR NO KEY UPDATE", OrderRows::order, paymentIntent)
                .stream().findFirst();
    }

    Optional<Order> byTrackingTokenHash(byte[] hash) {
        return sql.first(ORDER + "WHERE tracking_token_hash = ?", OrderRows::order, hash);
    }

    Optional<Order> byNumberAndEmail(String number, String email) {
        return sql.first(ORDER + "WHERE number = ? AND email = ? LIMIT 1", OrderRows::order, number, email);
    }

    /** A page of the orders {@code where} picks (fixed SQL, {@code ?} for {@code params}), newest first. */
    List<Order> page(String where, List<Object> params, int offset, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(offset);
        all.add(limit);
        return sql.list(ORDER + "WHERE " + where + " ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?",
                OrderRows::order, all.toArray());
    }

    long count(String where, List<Object> params) {
        return sql.first("SELECT count(*) FROM customer_order WHERE " + where, rs -> rs.getLong(1), params.toArray())
                .orElseThrow();
    }

    private static Order order(ResultSet rs) throws SQLException {
        Order o = new Order();
        o.id = rs.getObject("id", UUID.class);
        o.number = rs.getString("number");
        o.userId = rs.getObject("user_id", UUID.class);
        o.email = rs.getString("email");
        o.status = OrderStatus.valueOf(rs.getString("status"));
        o.currency = rs.getString("currency");
        o.subtotalCents = rs.getLong("subtotal_cents");
        o.discountCents = rs.getLong("discount_cents");
        o.promotionCode = rs.getString("promotion_code");
        o.shippingCents = rs.getLong("shipping_cents");
        o.taxCents = rs.getLong("tax_cents");
        o.totalCents = rs.getLong("total_cents");
        o.refundedCents = rs.getLong("refunded_cents");
        o.paymentProvider = PaymentMethod.of(rs.getString("payment_provider"));
        o.paymentStatus = PaymentStatus.of(rs.getString("payment_status"));
        o.paymentReference = rs.getString("payment_reference");
        o.paymentIntent = rs.getString("payment_intent");
        o.paymentExpiresAt = Sql.instant(rs, "payment_expires_at");
        o.trackingNumber = rs.getString("tracking_number");
        o.trackingTokenHash = rs.getBytes("tracking_token_hash");
        ShippingAddress a = new ShippingAddress();
        a.fullName = rs.getString("ship_full_name");
        a.line1 = rs.getString("ship_line1");
        a.line2 = rs.getString("ship_line2");
        a.city = rs.getString("ship_city");
        a.region = rs.getString("ship_region");
        a.postalCode = rs.getString("ship_postal_code");
        a.country = rs.getString("ship_country");
        a.phone = rs.getString("ship_phone");
        o.shippingAddress = a;
        o.createdAt = Sql.instant(rs, "created_at");
        o.updatedAt = Sql.instant(rs, "updated_at");
        o.version = rs.getLong("version");
        o.stored = o.columns();
        return o;
    }

    /** A new order with its lines (one batch) and its first history entry. */
    void insert(Order o, List<OrderLine> lines, OrderStatusChange placed) {
        ShippingAddress a = o.shippingAddress;
        sql.update("""
                INSERT INTO customer_order (id, number, user_id, email, status, currency, subtotal_cents,
                    discount_cents, promotion_code, shipping_cents, tax_cents, total_cents, refunded_cents,
                    payment_provider, payment_status, payment_reference, payment_intent, payment_expires_at, tracking_number,
                    tracking_token_hash, ship_full_name, ship_line1, ship_line2, ship_city, ship_region,
                    ship_postal_code, ship_country, ship_phone, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, o.id, o.number, o.userId, o.email, o.status.name(), o.currency, o.subtotalCents, o.discountCents,
                o.promotionCode, o.shippingCents, o.taxCents, o.totalCents, o.refundedCents, o.paymentProvider.value(),
                o.paymentStatus.value(), o.paymentReference, o.paymentIntent, o.paymentExpiresAt, o.trackingNumber,
                o.trackingTokenHash, a.fullName, a.line1, a.line2, a.city, a.region, a.postalCode, a.country, a.phone,
                o.createdAt, o.updatedAt, o.version);
        sql.batch("""
                INSERT INTO order_line (order_id, line_no, product_id, variant_id, options, sku, name, unit_price_cents,
                    quantity, line_total_cents, discount_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, lines.stream().map(l -> new Object[] {l.orderId, l.lineNo, l.productId, l.variantId, l.options,
                        l.sku, l.name, l.unitPriceCents, l.quantity, l.lineTotalCents, l.discountCents}).toList());
        insertChanges(List.of(placed));
        o.stored = o.columns();
    }

    /**
     * Writes what changed in a loaded order: first the history entries and refunds its moves created (inserts before
     * the update, the order in which the ORM used to write them), then its changed columns, only over the version it
     * was read at, and moves the version on. Nothing when nothing changed. A version that moved meanwhile fails the
     * write (500, as the optimistic lock's failure did; every caller holds the order's row lock, so it cannot happen).
     */
    void save(Order o) {
        Order.Columns now = o.columns();
        if (o.unsaved.isEmpty() && now.equals(o.stored)) {
            return;
        }
        insertChanges(o.unsaved.changes);
        sql.batch("""
                INSERT INTO refund (id, order_id, amount_cents, status, reason, restock, provider_reference, actor,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, o.unsaved.refunds.stream().map(r -> new Object[] {r.id, r.orderId, r.amountCents, r.status.value(),
                        r.reason, r.restock, r.providerReference, r.actor, r.createdAt}).toList());
        o.unsaved.clear();
        if (now.equals(o.stored)) {
            return;
        }
        int updated = sql.update("""
                UPDATE customer_order SET status = ?, payment_status = ?, refunded_cents = ?, payment_reference = ?,
                    payment_intent = ?, payment_expires_at = ?, tracking_number = ?, updated_at = ?,
                    version = version + 1
                WHERE id = ? AND version = ?
                """, now.status().name(), now.paymentStatus().value(), now.refundedCents(), now.paymentReference(),
                now.paymentIntent(), now.paymentExpiresAt(), now.trackingNumber(), now.updatedAt(), o.id, o.version);
        if (updated != 1) {
            throw new IllegalStateException("Order " + o.id + " was changed concurrently (version " + o.version + ")");
        }
        o.version++;
        o.stored = now;
    }

    private void insertChanges(List<OrderStatusChange> changes) {
        sql.batch("""
                INSERT INTO order_status_change (id, order_id, from_status, to_status, at, actor, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, changes.stream().map(c -> new Object[] {c.id, c.orderId,
                        c.fromStatus == null ? null : c.fromStatus.name(), c.toStatus.name(), c.at, c.actor, c.note})
                .toList());
    }

    // --- lines, history, refunds --------------------------------------------------------------------------

    private static final String LINE = "SELECT order_id, line_no, product_id, variant_id, options, sku, name, "
            + "unit_price_cents, quantity, line_total_cents, discount_cents FROM order_line ";

    /** The lines of these orders, by order and line number. */
    List<OrderLine> lines(List<UUID> orderIds) {
        return sql.list(LINE + "WHERE order_id = ANY (?) ORDER BY order_id, line_no", OrderRows::line,
                (Object) orderIds.toArray(UUID[]::new));
    }

    /** An order's lines in variant-id order (the order stock is locked in). */
    List<OrderLine> linesByVariant(UUID orderId) {
        return sql.list(LINE + "WHERE order_id = ? ORDER BY variant_id", OrderRows::line, orderId);
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        OrderLine l = new OrderLine();
        l.orderId = rs.getObject("order_id", UUID.class);
        l.lineNo = rs.getInt("line_no");
        l.productId = rs.getObject("product_id", UUID.class);
        l.variantId = rs.getObject("variant_id", UUID.class);
        l.options = rs.getString("options");
        l.sku = rs.getString("sku");
        l.name = rs.getString("name");
        l.unitPriceCents = rs.getLong("unit_price_cents");
        l.quantity = rs.getInt("quantity");
        l.lineTotalCents = rs.getLong("line_total_cents");
        l.discountCents = rs.getLong("discount_cents");
        return l;
    }

    List<OrderStatusChange> history(UUID orderId) {
        return sql.list("SELECT id, order_id, from_status, to_status, at, actor, note FROM order_status_change "
                + "WHERE order_id = ? ORDER BY at, id", rs -> {
                    OrderStatusChange c = new OrderStatusChange();
                    c.id = rs.getObject("id", UUID.class);
                    c.orderId = rs.getObject("order_id", UUID.class);
                    String from = rs.getString("from_status");
                    c.fromStatus = from == null ? null : OrderStatus.valueOf(from);
                    c.toStatus = OrderStatus.valueOf(rs.getString("to_status"));
                    c.at = Sql.instant(rs, "at");
                    c.actor = rs.getString("actor");
                    c.note = rs.getString("note");
                    return c;
                }, orderId);
    }

    List<Refund> refunds(UUID orderId) {
        return sql.list("SELECT id, order_id, amount_cents, status, reason, restock, provider_reference, actor, "
                + "created_at FROM refund WHERE order_id = ? ORDER BY created_at, id", rs -> {
                    Refund r = new Refund();
                    r.id = rs.getObject("id", UUID.class);
                    r.orderId = rs.getObject("order_id", UUID.class);
                    r.amountCents = rs.getLong("amount_cents");
                    r.status = RefundStatus.of(rs.getString("status"));
                    r.reason = rs.getString("reason");
                    r.restock = rs.getBoolean("restock");
                    r.providerReference = rs.getString("provider_reference");
                    r.actor = rs.getString("actor");
                    r.createdAt = Sql.instant(rs, "created_at");
                    return r;
                }, orderId);
    }

    // --- numbers, sweeps, the customer's totals -----------------------------------------------------------

    /** SO-1001, SO-1002...: a sequence, so numbers never repeat, across instances too. */
    String nextOrderNumber() {
        return "SO-" + sql.first("SELECT nextval('order_number_seq')", rs -> rs.getLong(1)).orElseThrow();
    }

    /**
     * Unpaid orders whose payment hold ran out a grace minute ago (the minute lets a just-in-time payment's webhook
     * win the race), locked; SKIP LOCKED lets every instance sweep at once without taking one order twice or
     * waiting on one a webhook is handling.
     */
    List<Order> lockExpiredUnpaid(int batch) {
        return sql.list(ORDER + """
                WHERE status = 'PENDING_PAYMENT' AND payment_provider = 'stripe'
                  AND payment_expires_at < now() - interval '1 minute'
                ORDER BY payment_expires_at LIMIT ? FOR UPDATE SKIP LOCKED
                """, OrderRows::order, batch);
    }

    /**
     * Unpaid manual orders placed more than {@code timeout} ago, locked; SKIP LOCKED as for Stripe orders, so sweeps
     * on every instance take disjoint orders, and an order an admin is marking paid (its row locked) is passed over.
     */
    List<Order> lockStaleManualUnpaid(Duration timeout, int batch) {
        return sql.list(ORDER + """
                WHERE status = 'PENDING_PAYMENT' AND payment_provider = 'manual'
                  AND created_at < now() - ? * interval '1 millisecond'
                ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED
                """, OrderRows::order, timeout.toMillis(), batch);
    }

    record CustomerTotals(long orders, long spentCents) {
    }

    /** Every order counts; money spent is what was paid and not refunded. */
    CustomerTotals customerTotals(UUID userId) {
        return sql.first("""
                SELECT count(*) AS orders,
                       coalesce(sum(total_cents - refunded_cents) FILTER (
                           WHERE status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')), 0) AS spent
                FROM customer_order WHERE user_id = ?
                """, rs -> new CustomerTotals(rs.getLong("orders"), rs.getLong("spent")), userId).orElseThrow();
    }

    /** Gives a new account the guest orders placed with its email. */
    int claimGuestOrders(String email, UUID userId) {
        return sql.update("UPDATE customer_order SET user_id = ? WHERE email = ? AND user_id IS NULL", userId, email);
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
        sql.first("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), "
                + "set_config('jit', 'off', true)", rs -> rs.getString(1));
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
        Optional<LocalDate[]> span = sql.first("WITH missing AS (SELECT d::date AS d FROM generate_series("
                + "CAST(?1 AS timestamp), LEAST(CAST(?2 AS date), (now() AT TIME ZONE 'UTC')::date - 1)::timestamp, "
                + "interval '1 day') d WHERE NOT EXISTS (SELECT 1 FROM sales_to_date t WHERE t.day = d::date)), "
                + "span AS (SELECT date_trunc('month', min(d))::date AS lo, max(d) AS hi FROM missing) "
                + "SELECT lo, hi, (SELECT count(pg_advisory_xact_lock(" + DAY_LOCK + ")) FROM (SELECT g::date AS d "
                + "FROM generate_series(lo::timestamp, hi::timestamp, interval '1 day') g ORDER BY 1) l) AS locked "
                + "FROM span",
                rs -> new LocalDate[] {rs.getObject("lo", LocalDate.class), rs.getObject("hi", LocalDate.class)},
                first.withDayOfMonth(1), last);
        if (span.isEmpty() || span.get()[0] == null) {
            return;
        }
        LocalDate lo = span.get()[0];
        LocalDate hi = span.get()[1];
        String missing = "SELECT d::date AS d FROM generate_series(CAST(?1 AS timestamp), CAST(?2 AS timestamp), "
                + "interval '1 day') d WHERE NOT EXISTS (SELECT 1 FROM sales_day s WHERE s.day = d::date)";
        sql.update("WITH open AS (SELECT d AS day FROM (" + missing + ") m), "
                + "written AS (INSERT INTO sales_day (day, orders, gross_cents, refunded_cents, guest_orders) "
                + "SELECT open.day, t.orders, t.gross, t.refunded, t.guest_orders FROM open CROSS JOIN LATERAL ("
                + DAY_TOTALS + ") t ON CONFLICT (day) DO NOTHING RETURNING day), "
                + "sold AS MATERIALIZED (SELECT open.day, o.id, o.total_cents, o.refunded_cents FROM written open "
                + "JOIN customer_order o ON " + ON_THE_DAY + ") "
                + "INSERT INTO sales_day_product (day, product_id, units, net_cents) "
                + "SELECT o.day, l.product_id, sum(l.quantity), sum(" + LINE_NET + ") FROM sold o CROSS JOIN LATERAL "
                + LINES_OF_O + " GROUP BY o.day, l.product_id", lo, hi);
        // Each product's running sums over the days of a month (from the first day it sold, so a day it did not
        // sell carries the sums on), kept for the days that lack them.
        sql.update("WITH marked AS (INSERT INTO sales_to_date (day) SELECT d::date FROM generate_series("
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
                + "SELECT r.day, r.product_id, r.units, r.net FROM running r JOIN marked USING (day)", lo, hi);
    }

    record PeriodTotals(long orders, long grossCents, long refundedCents, long customers, long guestOrders) {
        static final PeriodTotals NONE = new PeriodTotals(0, 0, 0, 0, 0);
    }

    /**
     * The totals of the days [from, last] (true) and [previousFrom, from) (false). A buyer is an account or a
     * guest email; distinct buyers cannot be summed over days, so they come from the buyers' return days (V11):
     * a buyer counts in a period on their first buying day in it, the one whose previous buying day is before it.
     */
    Map<Boolean, PeriodTotals> paidTotals(LocalDate previousFrom, LocalDate from, LocalDate last) {
        record Days(boolean current, long orders, long gross, long refunded, long guestOrders) {
        }
        List<Days> rows = sql.list(DAYS + "SELECT day >= ?3 AS current, sum(orders) AS orders, "
                + "sum(gross_cents) AS gross, sum(refunded_cents) AS refunded, sum(guest_orders) AS guest_orders "
                + "FROM days GROUP BY 1", rs -> new Days(rs.getBoolean("current"), rs.getLong("orders"),
                        rs.getLong("gross"), rs.getLong("refunded"), rs.getLong("guest_orders")),
                previousFrom, last, from);
        long[] buyers = sql.first("SELECT "
                + "coalesce(sum(buyers) FILTER (WHERE day >= ?2 AND previous < ?2), 0) AS current, "
                + "coalesce(sum(buyers) FILTER (WHERE day < ?2 AND previous < ?1), 0) AS previous "
                + "FROM sales_buyer_return WHERE day BETWEEN ?1 AND ?3",
                rs -> new long[] {rs.getLong("current"), rs.getLong("previous")}, previousFrom, from, last)
                .orElseThrow();
        Map<Boolean, PeriodTotals> totals = new HashMap<>();
        rows.forEach(r -> totals.put(r.current(), new PeriodTotals(r.orders(), r.gross(), r.refunded(),
                r.current() ? buyers[0] : buyers[1], r.guestOrders())));
        return totals;
    }

    record Bucket(LocalDate start, long orders, long netCents) {
    }

    /** Paid orders and their net per day, week (from Monday) or month of the days [from, last]. */
    List<Bucket> paidSeries(LocalDate from, LocalDate last, String unit) {
        return sql.list(DAYS + "SELECT (date_trunc(?3, day::timestamp))::date AS start, "
                + "sum(orders) AS orders, sum(gross_cents - refunded_cents) AS net FROM days GROUP BY 1 ORDER BY 1",
                rs -> new Bucket(rs.getObject("start", LocalDate.class), rs.getLong("orders"), rs.getLong("net")),
                from, last, unit);
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
    List<Seller> bestSellers(LocalDate from, LocalDate last, int limit) {
        return sql.list("WITH " + OPEN_DAYS + ", live AS MATERIALIZED (SELECT o.id, "
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
                + "FROM top ORDER BY top.units DESC, top.net DESC, top.product_id",
                rs -> new Seller(rs.getObject("product_id", UUID.class), rs.getString("name"), rs.getLong("units"),
                        rs.getLong("net")), from, last, limit);
    }

    record Waiting(long awaitingPayment, long toShip) {
    }

    /** Orders that wait for someone now: unpaid ones, and paid ones not shipped yet (V19's counts). */
    Waiting waiting() {
        return sql.first("""
                SELECT coalesce(sum(n) FILTER (WHERE status = 'PENDING_PAYMENT'), 0) AS awaiting,
                       coalesce(sum(n) FILTER (WHERE status = 'PAID'), 0) AS to_ship
                FROM (SELECT status, orders AS n FROM order_waiting
                      UNION ALL SELECT status, delta FROM order_waiting_change) c
                """, rs -> new Waiting(rs.getLong("awaiting"), rs.getLong("to_ship"))).orElseThrow();
    }

    /** Moves the waiting counts' change rows into the counts (V19); returns how many it moved. */
    long foldWaiting() {
        return sql.first("SELECT order_waiting_fold()", rs -> rs.getLong(1)).orElseThrow();
    }
}
