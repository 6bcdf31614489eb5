package com.acme.shop.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Db;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The distinct buyers the overview reads from {@code sales_buyer_return} (V11, kept by a trigger) against a
 * brute-force count over the orders, for every period of a month of a year no other test uses, after orders of a
 * handful of buyers were inserted, paid, cancelled, refunded, moved between days, claimed by an account and deleted
 * by parallel connections.
 */
@QuarkusTest
class SalesBuyersTest {

    private static final String PAID = "status IN ('PAID', 'SHIPPED', 'DELIVERED', 'REFUNDED')";
    private static final String[] STATUSES = {"PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"};
    private static final int DAYS = 24;

    @Inject
    Db db;

    @Test
    void distinctBuyersOfEveryPeriodAreWhatTheOrdersSay() throws Exception {
        int year = 1990;
        while (db.count("SELECT count(*) FROM customer_order WHERE created_at >= ? AND created_at < ?",
                start(LocalDate.of(year, 1, 1)), start(LocalDate.of(year + 1, 1, 1))) > 0) {
            year++;
        }
        long seed = year;
        LocalDate first = LocalDate.of(year, 3, 1);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            UUID id = UUID.randomUUID();
            db.execute("INSERT INTO app_user (id, email, name, password_hash, role) VALUES (?, ?, 'Buyer', 'x', 'customer')",
                    id, "buyers-" + id + "@example.test");
            users.add(id);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            emails.add("buyer-" + run + "-" + i + "@example.test");
        }
        Random random = new Random(seed);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            UUID id = UUID.randomUUID();
            UUID user = random.nextInt(4) == 0 ? users.get(random.nextInt(users.size())) : null;
            db.execute("""
                    INSERT INTO customer_order (id, number, user_id, email, status, currency, subtotal_cents,
                        shipping_cents, tax_cents, total_cents, payment_provider, payment_status, tracking_token_hash,
                        ship_full_name, ship_line1, ship_city, ship_postal_code, ship_country, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'USD', 1000, 0, 0, 1000, 'manual', 'pending', sha256(?::bytea),
                        'Buyer', '1 Street', 'Town', '12345', 'US', ?, ?)
                    """, id, "SO-T" + id, user, emails.get(random.nextInt(emails.size())),
                    STATUSES[random.nextInt(STATUSES.length)], id.toString(), at(first, random), at(first, random));
            orders.add(id);
        }
        assertBuyersMatch(first);

        // Four connections at once, each moving random orders one statement at a time.
        Parallel.run(4, worker -> () -> {
            Random r = new Random(seed * 31 + worker);
            for (int step = 0; step < 60; step++) {
                UUID order = orders.get(r.nextInt(orders.size()));
                switch (r.nextInt(5)) {
                    case 0, 1 -> db.execute("UPDATE customer_order SET status = ? WHERE id = ?",
                            STATUSES[r.nextInt(STATUSES.length)], order);
                    case 2 -> db.execute("UPDATE customer_order SET created_at = ? WHERE id = ?", at(first, r), order);
                    case 3 -> db.execute("UPDATE customer_order SET user_id = ? WHERE id = ?",
                            r.nextBoolean() ? users.get(r.nextInt(users.size())) : null, order);
                    default -> db.execute("UPDATE customer_order SET email = ? WHERE id = ?",
                            emails.get(r.nextInt(emails.size())), order);
                }
            }
            return null;
        });
        for (int i = 0; i < 10; i++) {
            db.execute("DELETE FROM customer_order WHERE id = ?", orders.get(i));
        }
        assertBuyersMatch(first);
    }

    /** Every period [f, t] of the month and the days around it; the buyers' days too. */
    private void assertBuyersMatch(LocalDate first) {
        Timestamp from = start(first.minusDays(2));
        Timestamp to = start(first.plusDays(DAYS + 2));
        assertEquals(0, db.count("""
                SELECT count(*) FROM (
                    SELECT sales_buyer_key(user_id, email) AS buyer, (created_at AT TIME ZONE 'UTC')::date AS day,
                           count(*) AS orders
                    FROM customer_order WHERE %s AND created_at >= ? AND created_at < ? GROUP BY 1, 2) o
                FULL JOIN (SELECT * FROM sales_buyer_day WHERE day >= (?::timestamptz AT TIME ZONE 'UTC')::date
                           AND day < (?::timestamptz AT TIME ZONE 'UTC')::date) s USING (buyer, day)
                WHERE o.orders IS DISTINCT FROM s.orders
                """.formatted(PAID), from, to, from, to), "buying days that differ from the orders");
        List<String> wrong = db.values("""
                SELECT f || '..' || t || ': ' || counted || ' counted, ' || returned || ' from the return days'
                FROM (SELECT f::date AS f, t::date AS t
                      FROM generate_series(?::timestamp, ?::timestamp, interval '1 day') f,
                           generate_series(?::timestamp, ?::timestamp, interval '1 day') t WHERE t >= f) p,
                LATERAL (SELECT count(DISTINCT sales_buyer_key(user_id, email)) AS counted FROM customer_order
                         WHERE %s AND created_at >= (p.f::timestamp AT TIME ZONE 'UTC')
                           AND created_at < ((p.t + 1)::timestamp AT TIME ZONE 'UTC')) c,
                LATERAL (SELECT coalesce(sum(buyers), 0) AS returned FROM sales_buyer_return
                         WHERE day BETWEEN p.f AND p.t AND previous < p.f) r
                WHERE counted <> returned
                """.formatted(PAID), day(first.minusDays(1)), day(first.plusDays(DAYS)), day(first.minusDays(1)),
                day(first.plusDays(DAYS)));
        assertEquals(List.of(), wrong);
    }

    private static Timestamp at(LocalDate first, Random random) {
        return Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextInt(DAYS * 86_400)));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String day(LocalDate day) {
        return day.toString();
    }
}
