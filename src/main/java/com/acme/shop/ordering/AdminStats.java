package com.acme.shop.ordering;

import com.acme.shop.catalog.Stock;
import com.acme.shop.ordering.dto.AdminStatsDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.StoreConfig;
import com.acme.shop.platform.WireEnums;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin overview in a bounded number of statements whatever the period: the days not rolled up yet are rolled
 * up (two statements, only when some are missing), then the totals of the period and of the one before, the
 * distinct buyers of both (from {@code sales_buyer_return}, V11, kept by a trigger), the series, the best sellers
 * (from month-to-date rows, V19), what waits for action (counts kept by a trigger, V19), and the catalog's low stock.
 * Days that have ended come from the rollup ({@code sales_day}, V10 and V11), today from the orders. Periods are
 * whole UTC days, {@code to} inclusive.
 */
@ApplicationScoped
public class AdminStats {

    static final int TOP = 10;
    static final long MAX_DAILY_DAYS = 366;
    static final long MAX_DAYS = 3660;

    /** How the series is bucketed: spelled {@code day}, {@code week} (from Monday), {@code month}. */
    public enum Interval implements WireEnums.Spelled {
        DAY, WEEK, MONTH;

        @Override
        public String value() {
            return WireEnums.value(this);
        }

        LocalDate bucketOf(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }

    private final OrderRows rows;
    private final Stock stock;
    private final StoreConfig store;
    private final StatsConfig config;

    AdminStats(OrderRows rows, Stock stock, StoreConfig store, StatsConfig config) {
        this.rows = rows;
        this.stock = stock;
        this.store = store;
        this.config = config;
    }

    /** {@code from} and {@code to} default to the 30 days ending today (UTC); {@code interval} to days. */
    @Transactional
    public AdminStatsDto of(LocalDate from, LocalDate to, Interval interval) {
        Interval unit = interval == null ? Interval.DAY : interval;
        LocalDate last = to != null ? to : from != null ? from.plusDays(29) : LocalDate.now(ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (last.isBefore(first)) {
            throw ApiException.validation("to", "must not be before from");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (unit == Interval.DAY && days > MAX_DAILY_DAYS) {
            throw ApiException.validation("to", "a daily series covers at most " + MAX_DAILY_DAYS
                    + " days; ask for weeks or months");
        }
        if (days > MAX_DAYS) {
            throw ApiException.validation("to", "a period covers at most " + MAX_DAYS + " days");
        }
        rows.rollUp(first.minusDays(days), last);
        rows.planForTheDates();
        Map<Boolean, OrderRows.PeriodTotals> totals = rows.paidTotals(first.minusDays(days), first, last);
        OrderRows.Waiting waiting = rows.waiting();
        return new AdminStatsDto(store.currency(), first, last, unit.value(),
                totals(totals.getOrDefault(true, OrderRows.PeriodTotals.NONE)),
                totals(totals.getOrDefault(false, OrderRows.PeriodTotals.NONE)),
                series(rows.paidSeries(first, last, unit.value()), first, last, unit),
                rows.bestSellers(first, last, TOP).stream()
                        .map(s -> new AdminStatsDto.TopProduct(s.productId(), s.name(), s.units(), s.netCents())).toList(),
                stock.low(config.lowStockThreshold(), TOP).stream()
                        .map(l -> new AdminStatsDto.LowStock(l.productId(), l.name(), l.stock())).toList(),
                new AdminStatsDto.NeedsAction(waiting.awaitingPayment(), waiting.toShip()));
    }

    /**
     * Keeps the last two years rolled up, so the first overview of a day does not pay for it; safe on every
     * instance at once (the days' locks and ON CONFLICT DO NOTHING), and one cheap statement when nothing is missing.
     */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rollUpClosedDays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        rows.rollUp(today.minusDays(2 * MAX_DAILY_DAYS), today);
    }

    /**
     * Keeps the waiting counts' change rows (V19) few, so reading the counts stays reading a few rows; the fold is
     * one atomic statement, safe on every instance at once.
     */
    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void foldWaitingCounts() {
        rows.foldWaiting();
    }

    private static AdminStatsDto.Totals totals(OrderRows.PeriodTotals t) {
        long average = t.orders() == 0 ? 0 : (t.grossCents() + t.orders() / 2) / t.orders();
        return new AdminStatsDto.Totals(t.orders(), t.grossCents(), t.refundedCents(),
                t.grossCents() - t.refundedCents(), average, t.customers(), t.guestOrders());
    }

    /** Every bucket from the one holding {@code first} to the one holding {@code last}, empty ones as zeros. */
    private static List<AdminStatsDto.Bucket> series(List<OrderRows.Bucket> found, LocalDate first, LocalDate last,
            Interval unit) {
        Map<LocalDate, OrderRows.Bucket> byStart = new java.util.HashMap<>();
        found.forEach(b -> byStart.put(b.start(), b));
        List<AdminStatsDto.Bucket> series = new ArrayList<>();
        for (LocalDate bucket = unit.bucketOf(first); !bucket.isAfter(last); bucket = unit.next(bucket)) {
            OrderRows.Bucket b = byStart.get(bucket);
            series.add(new AdminStatsDto.Bucket(bucket, b == null ? 0 : b.orders(), b == null ? 0 : b.netCents()));
        }
        return series;
    }

}
