package com.acme.shop.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.ordering.dto.AdminStatsDto;
import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The overview's best sellers, read from the month-to-date rows (V19) where a period's pieces have them, and its
 * waiting counts (V19's counts and change rows) against brute force over the orders: for a few hundred periods of
 * 40 days around two month ends of a year no other test uses, after orders were inserted, and again after four connections
 * paid, cancelled, refunded and moved them between days while a fifth rolled the days up and a sixth folded the
 * waiting counts, and some were deleted.
 */
@QuarkusTest
class SalesToDateTest {

    private static final String[] STATUSES = {"PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"};
    private static final int DAYS = 40;

    @Inject
    Db db;

    @Inject
    AdminStats stats;

    @Test
    void bestSellersAndWaitingCountsAreWhatTheOrdersSay() throws Exception {
        int year = 1980;
        while (db.count("SELECT count(*) FROM customer_order WHERE created_at >= ? AND created_at < ?",
                start(LocalDate.of(year, 1, 1)), start(LocalDate.of(year + 1, 1, 1))) > 0) {
            year++;
        }
        long seed = year;
        LocalDate first = LocalDate.of(year, 1, 25); // through March 4th: the ends of January and February
        Api.Session admin = Api.admin();
        List<String[]> products = new ArrayList<>(); // {product id, variant id}
        for (int i = 0; i < 5; i++) {
            String product = Catalog.create(admin, "To-date " + year + " " + i, 100 * (i + 1), 0);
            products.add(new String[] {product, db.<Object>value(
                    "SELECT id FROM product_variant WHERE product_id = ?::uuid ORDER BY position LIMIT 1", product)
                    .toString()});
        }
        Random random = new Random(seed);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            orders.add(insertOrder(random, first, products));
        }
        assertBestSellersMatch(first);
        assertWaitingMatches();

        AtomicBoolean changing = new AtomicBoolean(true);
        Parallel.run(6, worker -> () -> {
            Random r = new Random(seed * 31 + worker);
            if (worker == 4) { // rolls up (and reads) while the orders change
                while (changing.get()) {
                    LocalDate f = first.plusDays(r.nextInt(DAYS));
                    stats.of(f, f.plusDays(r.nextInt(DAYS)), AdminStats.Interval.DAY);
                }
                return null;
            }
            if (worker == 5) {
                while (changing.get()) {
                    db.value("SELECT order_waiting_fold()");
                }
                return null;
            }
            try {
                for (int step = 0; step < 60; step++) {
                    UUID order = orders.get(r.nextInt(orders.size()));
                    switch (r.nextInt(5)) {
                        case 0, 1 -> db.execute("UPDATE customer_order SET status = ? WHERE id = ?",
                                STATUSES[r.nextInt(STATUSES.length)], order);
                        case 2 -> db.execute("UPDATE customer_order SET created_at = ? WHERE id = ?", at(first, r),
                                order);
                        case 3 -> db.execute("UPDATE customer_order SET refunded_cents = least(total_cents, ?) "
                                + "WHERE id = ?", r.nextInt(3) == 0 ? 0 : r.nextInt(5000), order);
                        default -> insertOrder(r, first, products);
                    }
                }
            } finally {
                if (worker == 0) {
                    changing.set(false);
                }
            }
            return null;
        });
        for (int i = 0; i < 10; i++) {
            db.execute("DELETE FROM customer_order WHERE id = ?", orders.get(i));
        }
        assertBestSellersMatch(first);
        assertWaitingMatches();
        db.value("SELECT order_waiting_fold()");
        assertEquals(0, db.count("SELECT count(*) FROM order_waiting_change"));
        assertWaitingMatches();
    }

    private UUID insertOrder(Random random, LocalDate first, List<String[]> products) {
        UUID id = UUID.randomUUID();
        int lines = 1 + random.nextInt(3);
        long total = 0;
        int[] product = new int[lines];
        int[] quantity = new int[lines];
        for (int k = 0; k < lines; k++) {
            product[k] = random.nextInt(products.size());
            quantity[k] = 1 + random.nextInt(3);
            total += 100L * (product[k] + 1) * quantity[k];
        }
        String status = STATUSES[random.nextInt(STATUSES.length)];
        long refunded = status.equals("REFUNDED") ? total : random.nextInt(4) == 0 ? random.nextInt((int) total) : 0;
        Timestamp at = at(first, random);
        // one statement, so the order and its lines commit together, as a checkout's do
        List<Object> params = new ArrayList<>(List.of(id, "SO-D" + id, status, total, total, refunded, id.toString(),
                at, at));
        List<String> values = new ArrayList<>();
        for (int k = 0; k < lines; k++) {
            values.add("(?, ?::uuid, ?::uuid, ?::bigint, ?::integer)");
            params.addAll(List.of(k + 1, products.get(product[k])[0], products.get(product[k])[1],
                    100L * (product[k] + 1), quantity[k]));
        }
        db.execute("""
                WITH o AS (INSERT INTO customer_order (id, number, user_id, email, status, currency, subtotal_cents,
                    shipping_cents, tax_cents, total_cents, refunded_cents, payment_provider, payment_status,
                    tracking_token_hash, ship_full_name, ship_line1, ship_city, ship_postal_code, ship_country,
                    created_at, updated_at)
                VALUES (?, ?, NULL, 'to-date@example.test', ?, 'USD', ?, 0, 0, ?, ?, 'manual', 'pending',
                    sha256(?::bytea), 'Buyer', '1 Street', 'Town', '12345', 'US', ?, ?) RETURNING id)
                INSERT INTO order_line (order_id, line_no, product_id, variant_id, sku, name, unit_price_cents,
                    quantity, line_total_cents)
                SELECT o.id, v.line_no, v.product_id, v.variant_id, 'TD', 'To-date', v.price, v.quantity,
                    v.price * v.quantity
                FROM o, (VALUES %s) v (line_no, product_id, variant_id, price, quantity)
                """.formatted(String.join(", ", values)), params.toArray());
        return id;
    }

    /**
     * The periods [f, t] between the chosen days of the 40: the overview's best sellers (all five products fit in its
     * ten) equal the lines' sums; and every month-to-date row of those months equals its days' lines.
     */
    private void assertBestSellersMatch(LocalDate first) {
        LocalDate last = first.plusDays(DAYS - 1);
        // the days around each month's first, and every fourth: pieces of every shape, whole months, single days
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfMonth() <= 2 || d.plusDays(2).getDayOfMonth() <= 2
                    || ChronoUnit.DAYS.between(first, d) % 4 == 0 || d.equals(last)) {
                days.add(d);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (LocalDate f : days) {
            for (LocalDate t : days.tailSet(f, true)) {
                AdminStatsDto overview = stats.of(f, t, AdminStats.Interval.DAY);
                String shown = String.join(";", overview.topProducts().stream()
                        .map(p -> p.productId() + " " + p.units() + " " + p.netCents()).toList());
                String counted = String.join(";", db.<String>values("""
                        SELECT product_id || ' ' || units || ' ' || net FROM (
                            SELECT l.product_id, sum(l.quantity) AS units, sum(l.line_total_cents
                                - CASE WHEN o.refunded_cents = 0 OR o.total_cents = 0 THEN 0
                                  ELSE round(o.refunded_cents::numeric * l.line_total_cents / o.total_cents)::bigint
                                  END) AS net
                            FROM customer_order o JOIN order_line l ON l.order_id = o.id
                            WHERE o.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')
                              AND o.created_at >= ? AND o.created_at < ?
                            GROUP BY l.product_id) s
                        ORDER BY units DESC, net DESC, product_id LIMIT 10
                        """,
                        start(f), start(t.plusDays(1))));
                if (!shown.equals(counted)) {
                    wrong.add(f + ".." + t + ": shown " + shown + ", counted " + counted);
                }
            }
        }
        assertEquals(List.of(), wrong.size() > 5 ? wrong.subList(0, 5) : wrong, wrong.size() + " periods differ");
        // month-to-date rows that differ from the lines of their month's days through theirs
        assertEquals(List.of(), db.values("""
                SELECT coalesce(r.day, c.day) || ' ' || coalesce(r.product_id, c.product_id) || ': rolled '
                       || coalesce(r.units || '/' || r.net_cents, '-') || ', counted ' || coalesce(c.units || '/' || c.net, '-')
                FROM (SELECT t.* FROM sales_product_to_date t WHERE t.day BETWEEN ?::date AND ?::date) r
                FULL JOIN (
                    SELECT d.day, l.product_id, sum(l.quantity) AS units, sum(l.line_total_cents
                        - CASE WHEN o.refunded_cents = 0 OR o.total_cents = 0 THEN 0
                          ELSE round(o.refunded_cents::numeric * l.line_total_cents / o.total_cents)::bigint END) AS net
                    FROM sales_to_date d
                    JOIN customer_order o ON o.created_at >= (date_trunc('month', d.day)::timestamp AT TIME ZONE 'UTC')
                         AND o.created_at < ((d.day + 1)::timestamp AT TIME ZONE 'UTC')
                         AND o.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')
                    JOIN order_line l ON l.order_id = o.id
                    WHERE d.day BETWEEN ?::date AND ?::date GROUP BY 1, 2) c
                ON c.day = r.day AND c.product_id = r.product_id
                WHERE r.units IS DISTINCT FROM c.units OR r.net_cents IS DISTINCT FROM c.net
                """, first.withDayOfMonth(1).toString(), last.toString(), first.withDayOfMonth(1).toString(),
                last.toString()));
        // and the rollup is there to be read: every day of those months through the last has its month-to-date rows
        assertEquals(ChronoUnit.DAYS.between(first.withDayOfMonth(1), last) + 1, db.count(
                "SELECT count(*) FROM sales_to_date WHERE day BETWEEN ?::date AND ?::date",
                first.withDayOfMonth(1).toString(), last.toString()));
    }

    private void assertWaitingMatches() {
        AdminStatsDto overview = stats.of(null, null, AdminStats.Interval.DAY);
        assertEquals(db.count("SELECT count(*) FROM customer_order WHERE status = 'PENDING_PAYMENT'"),
                overview.needsAction().awaitingPayment());
        assertEquals(db.count("SELECT count(*) FROM customer_order WHERE status = 'PAID'"),
                overview.needsAction().toShip());
    }

    private static Timestamp at(LocalDate first, Random random) {
        return Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(DAYS * 86_400)));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
