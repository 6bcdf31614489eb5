package com.acme.shop.ordering;

import static com.acme.shop.support.Shopping.checkoutAs;
import static com.acme.shop.support.Shopping.checkoutBody;
import static com.acme.shop.support.Shopping.guestCartWith;
import static com.acme.shop.support.Shopping.guestCheckout;
import static com.acme.shop.support.Shopping.newKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin overview against orders placed for it and moved into the March of a year that has no orders yet (2001
 * on a fresh database), with every figure worked out by hand below. Test pricing: flat shipping 500 under 5000,
 * tax 10 %.
 */
@QuarkusTest
class AdminStatsTest {

    @Inject
    Db db;

    static Api.Session admin;
    static String productA;
    static String productB;
    static int year;

    /** Once for the class, but after Quarkus has started (REST Assured knows its port only then). */
    @BeforeEach
    void placeOrders() {
        if (admin != null) {
            return;
        }
        admin = Api.admin();
        year = 2001;
        while (db.count("SELECT count(*) FROM customer_order WHERE created_at >= ? AND created_at < ?",
                Timestamp.from(Instant.parse(year + "-01-01T00:00:00Z")),
                Timestamp.from(Instant.parse((year + 1) + "-01-01T00:00:00Z"))) > 0) {
            year++;
        }
        productA = Catalog.create(admin, "Stats A", 1000, 100);
        productB = Catalog.create(admin, "Stats B", 3000, 100);
        Api.Session customer = Api.newCustomer();
        String g1 = Api.uniqueEmail();
        String g2 = Api.uniqueEmail();
        String g3 = Api.uniqueEmail();

        // o1: guest g1, A x2: 2000 + 500 + 200 = 2700, paid, the first instant of March
        String o1 = guest(g1, productA, 2);
        pay(o1);
        // o2: the customer, B x1: 3000 + 500 + 300 = 3800, paid, 800 refunded
        String o2 = customer(customer, productB, 1);
        pay(o2);
        admin.as().body(Map.of("amountCents", 800)).post("/api/v1/admin/orders/" + o2 + "/refunds").then().statusCode(201);
        // o3: the customer, A x1: 1600, paid, shipped, delivered, the last second of March
        String o3 = customer(customer, productA, 1);
        pay(o3);
        status(o3, Map.of("status", "SHIPPED", "trackingNumber", "TRACK-1"));
        status(o3, Map.of("status", "DELIVERED"));
        // o4: guest g2, cancelled unpaid: not counted
        String o4 = guest(g2, productA, 1);
        status(o4, Map.of("status", "CANCELLED"));
        // o5: guest g1 again, B x2: 6000 + 0 + 600 = 6600, paid then refunded in full
        String o5 = guest(g1, productB, 2);
        pay(o5);
        admin.as().body(Map.of()).post("/api/v1/admin/orders/" + o5 + "/refunds").then().statusCode(201);
        // o6: guest g3, paid, the first instant of April: the next period
        String o6 = guest(g3, productA, 1);
        pay(o6);
        // o7: guest g3, paid, the last second of February: the period before March (Jan 29 to Feb 28)
        String o7 = guest(g3, productA, 1);
        pay(o7);
        // o8: unpaid: not counted
        String o8 = guest(g2, productA, 1);

        placedAt(o1, y("03-01T00:00:00Z"));
        placedAt(o2, y("03-15T12:00:00Z"));
        placedAt(o3, y("03-31T23:59:59Z"));
        placedAt(o4, y("03-10T10:00:00Z"));
        placedAt(o5, y("03-20T08:00:00Z"));
        placedAt(o6, y("04-01T00:00:00Z"));
        placedAt(o7, y("02-28T23:59:59Z"));
        placedAt(o8, y("03-05T10:00:00Z"));
    }

    @Test
    void totalsCountPaidOrdersOfThePeriodNetOfRefunds() {
        JsonPath stats = stats("from=" + y("03-01") + "&to=" + y("03-31"));
        // o1, o2, o3, o5: gross 2700 + 3800 + 1600 + 6600; refunded 800 + 6600; buyers g1 and the customer
        assertEquals(Map.of("orders", 4, "grossCents", 14700, "refundedCents", 7400, "netCents", 7300,
                "averageOrderCents", 3675, "customers", 2, "guestOrders", 2), stats.getMap("totals"));
        // o7 only
        assertEquals(Map.of("orders", 1, "grossCents", 1600, "refundedCents", 0, "netCents", 1600,
                "averageOrderCents", 1600, "customers", 1, "guestOrders", 1), stats.getMap("previous"));
        assertEquals("USD", stats.getString("currency"));
        assertEquals("day", stats.getString("interval"));
    }

    @Test
    void theDailySeriesHasEveryDayOfThePeriod() {
        JsonPath stats = stats("from=" + y("03-01") + "&to=" + y("03-31"));
        List<Map<String, Object>> series = stats.getList("series");
        assertEquals(31, series.size());
        assertEquals(Map.of("start", y("03-01"), "orders", 1, "netCents", 2700), series.get(0));
        assertEquals(Map.of("start", y("03-02"), "orders", 0, "netCents", 0), series.get(1));
        assertEquals(Map.of("start", y("03-15"), "orders", 1, "netCents", 3000), series.get(14));
        assertEquals(Map.of("start", y("03-20"), "orders", 1, "netCents", 0), series.get(19));
        assertEquals(Map.of("start", y("03-31"), "orders", 1, "netCents", 1600), series.get(30));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        JsonPath weeks = stats("from=" + y("03-01") + "&to=" + y("03-31") + "&interval=week");
        // weeks start on Monday: the first is the one holding March 1st, whatever weekday that is
        LocalDate monday = LocalDate.parse(y("03-01")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> starts = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        for (LocalDate w = monday; !w.isAfter(LocalDate.parse(y("03-31"))); w = w.plusWeeks(1)) {
            LocalDate week = w;
            LocalDate end = week.plusDays(7);
            starts.add(week.toString());
            orders.add((int) List.of("03-01", "03-15", "03-20", "03-31").stream().map(d -> LocalDate.parse(y(d)))
                    .filter(d -> !d.isBefore(week) && d.isBefore(end)).count());
        }
        assertEquals(starts, weeks.getList("series.start"));
        assertEquals(orders, weeks.getList("series.orders"));
        JsonPath months = stats("from=" + y("02-01") + "&to=" + y("04-30") + "&interval=month");
        assertEquals(List.of(y("02-01"), y("03-01"), y("04-01")), months.getList("series.start"));
        assertEquals(List.of(1, 4, 1), months.getList("series.orders"));
        assertEquals(List.of(1600, 7300, 1600), months.getList("series.netCents"));
    }

    @Test
    void topProductsByUnitsWithTheirNet() {
        JsonPath stats = stats("from=" + y("03-01") + "&to=" + y("03-31"));
        // A: 3 units (o1 2, o3 1), net 2000 + 1000. B: 3 units (o2 1, o5 2), net 3000 - round(800 * 3000 / 3800)
        // + 6000 - 6000 = 2368. Equal units: the larger net first.
        assertEquals(List.of(productA, productB), stats.getList("topProducts.productId"));
        assertEquals(List.of("Stats A", "Stats B"), stats.getList("topProducts.name"));
        assertEquals(List.of(3, 3), stats.getList("topProducts.units"));
        assertEquals(List.of(3000, 2368), stats.getList("topProducts.netCents"));
    }

    @Test
    void lowStockAndWaitingOrdersAreAsTheDatabaseHasThemNow() {
        String scarce = Catalog.create(admin, "Stats scarce", 500, 0);
        JsonPath stats = stats("from=" + y("03-01") + "&to=" + y("03-31"));
        List<Integer> stocks = stats.getList("lowStock.stock");
        assertEquals(stocks.stream().sorted().toList(), stocks);
        org.hamcrest.MatcherAssert.assertThat(stocks, everyItem(lessThanOrEqualTo(5)));
        org.hamcrest.MatcherAssert.assertThat(stocks.size(), lessThanOrEqualTo(10));
        assertEquals(count("SELECT count(*) FROM customer_order WHERE status = 'PENDING_PAYMENT'"),
                stats.getLong("needsAction.awaitingPayment"));
        assertEquals(count("SELECT count(*) FROM customer_order WHERE status = 'PAID'"), stats.getLong("needsAction.toShip"));
        if (count("SELECT count(*) FROM product p WHERE active AND NOT EXISTS "
                + "(SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.active AND v.stock > 0)") <= 10) {
            org.hamcrest.MatcherAssert.assertThat(stats.getList("lowStock.productId"), org.hamcrest.Matchers.hasItem(scarce));
        }
    }

    @Test
    void aChangeToAnOrderOfARolledUpDayShowsAtOnce() {
        String order = guest(Api.uniqueEmail(), productB, 1); // 3000 + 500 + 300 = 3800
        pay(order);
        placedAt(order, y("05-10T10:00:00Z"));
        String may = "from=" + y("05-01") + "&to=" + y("05-31");
        assertEquals(3800, stats(may).getInt("totals.netCents"));
        // the days of May are at least two days old: the overview rolled them up
        assertEquals(1, db.count("SELECT count(*) FROM sales_day WHERE day = ?::date AND orders = 1", y("05-10")));
        assertEquals(31, db.count("SELECT count(*) FROM sales_day WHERE day BETWEEN ?::date AND ?::date",
                y("05-01"), y("05-31")));

        admin.as().body(Map.of("amountCents", 300)).post("/api/v1/admin/orders/" + order + "/refunds").then().statusCode(201);
        assertEquals(0, db.count("SELECT count(*) FROM sales_day WHERE day = ?::date", y("05-10")));
        JsonPath after = stats(may);
        assertEquals(300, after.getInt("totals.refundedCents"));
        assertEquals(3500, after.getInt("totals.netCents"));
        assertEquals(List.of(3000 - 237), after.getList("topProducts.netCents")); // 300 * 3000 / 3800 = 236.8
        assertEquals(31, db.count("SELECT count(*) FROM sales_day WHERE day BETWEEN ?::date AND ?::date",
                y("05-01"), y("05-31")));
    }

    @Test
    void anEmptyPeriodIsZeros() {
        JsonPath stats = stats("from=1999-01-01&to=1999-01-07");
        assertEquals(0, stats.getInt("totals.orders"));
        assertEquals(0, stats.getInt("totals.averageOrderCents"));
        assertEquals(7, stats.getList("series").size());
        assertEquals(List.of(), stats.getList("topProducts"));
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        String[][] bad = {{"from=2001-02-30", "from"}, {"to=tomorrow", "to"}, {"interval=year", "interval"},
                {"from=2001-03-02&to=2001-03-01", "to"}, {"from=2000-01-01&to=2001-01-01", "to"},
                {"from=1990-01-01&to=2001-01-01&interval=month", "to"}, {"from=-999999999-01-01", "from"},
                {"to=%2B999999999-12-31", "to"}};
        for (String[] query : bad) {
            admin.as().get("/api/v1/admin/stats?" + query[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors.field", contains(query[1]));
        }
        // 366 days of days is the most
        admin.as().get("/api/v1/admin/stats?from=2000-01-01&to=2000-12-31").then().statusCode(200)
                .body("series", hasSize(366));
    }

    @Test
    void onlyAdminsSeeIt() {
        Api.json().get("/api/v1/admin/stats").then().statusCode(401).body("code", equalTo("unauthorized"));
        Api.newCustomer().as().get("/api/v1/admin/stats").then().statusCode(403).body("code", equalTo("forbidden"));
        admin.as().get("/api/v1/admin/stats").then().statusCode(200).body("series", hasSize(30));
    }

    /** A day (or instant) of the test's year: {@code y("03-01")}. */
    private static String y(String rest) {
        return year + "-" + rest;
    }

    private JsonPath stats(String query) {
        return admin.as().get("/api/v1/admin/stats?" + query).then().statusCode(200).extract().jsonPath();
    }

    private String guest(String email, String product, int quantity) {
        return guestCheckout(guestCartWith(product, quantity), newKey(), checkoutBody(email)).then().statusCode(201)
                .extract().path("order.id");
    }

    private String customer(Api.Session customer, String product, int quantity) {
        customer.as().body(Map.of("productId", product, "quantity", quantity)).post("/api/v1/cart/items").then()
                .statusCode(200);
        return checkoutAs(customer, newKey(), checkoutBody(null)).then().statusCode(201).extract().path("order.id");
    }

    private void pay(String order) {
        status(order, Map.of("status", "PAID"));
    }

    private void status(String order, Map<String, Object> change) {
        admin.as().body(change).patch("/api/v1/admin/orders/" + order + "/status").then().statusCode(200);
    }

    private void placedAt(String order, String instant) {
        assertEquals(1, db.execute("UPDATE customer_order SET created_at = ? WHERE id = ?::uuid",
                Timestamp.from(Instant.parse(instant)), order));
    }

    private long count(String sql) {
        return db.count(sql);
    }
}
