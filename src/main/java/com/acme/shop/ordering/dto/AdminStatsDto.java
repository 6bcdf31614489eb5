package com.acme.shop.ordering.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin overview: the shop's numbers for a period of UTC days, beside the period of equal length before it. */
@Schema(name = "AdminStats")
public record AdminStatsDto(
        @Schema(required = true) String currency,
        @Schema(required = true, description = "First day, inclusive (UTC)") LocalDate from,
        @Schema(required = true, description = "Last day, inclusive (UTC)") LocalDate to,
        @Schema(required = true, enumeration = {"day", "week", "month"}) String interval,
        @Schema(required = true, description = "Paid orders (PAID, SHIPPED, DELIVERED, REFUNDED) placed in the period") Totals totals,
        @Schema(required = true, description = "The same for the period of equal length just before") Totals previous,
        @Schema(required = true, description = "Every day, week (from Monday) or month of the period, empty ones too") List<Bucket> series,
        @Schema(required = true, description = "At most 10, by units sold in the period") List<TopProduct> topProducts,
        @Schema(required = true, description = "At most 10 active products at or below SHOP_LOW_STOCK_THRESHOLD, the fewest first") List<LowStock> lowStock,
        @Schema(required = true, description = "Orders waiting now, whatever the period") NeedsAction needsAction) {

    @Schema(name = "StatsTotals")
    public record Totals(
            @Schema(required = true) long orders,
            @Schema(required = true) long grossCents,
            @Schema(required = true) long refundedCents,
            @Schema(required = true, description = "grossCents - refundedCents") long netCents,
            @Schema(required = true, description = "grossCents / orders, rounded half up; 0 without orders") long averageOrderCents,
            @Schema(required = true, description = "Distinct buyers: accounts, and guests by email") long customers,
            @Schema(required = true, description = "Paid orders placed without an account") long guestOrders) {
    }

    @Schema(name = "StatsBucket")
    public record Bucket(
            @Schema(required = true, description = "The bucket's first day (UTC)") LocalDate start,
            @Schema(required = true) long orders,
            @Schema(required = true) long netCents) {
    }

    @Schema(name = "TopProduct")
    public record TopProduct(
            @Schema(required = true) UUID productId,
            @Schema(required = true) String name,
            @Schema(required = true) long units,
            @Schema(required = true, description = "Line totals less their share of the orders' refunds") long netCents) {
    }

    @Schema(name = "LowStockProduct")
    public record LowStock(
            @Schema(required = true) UUID productId,
            @Schema(required = true) String name,
            @Schema(required = true) int stock) {
    }

    @Schema(name = "NeedsAction")
    public record NeedsAction(
            @Schema(required = true, description = "Orders now PENDING_PAYMENT") long awaitingPayment,
            @Schema(required = true, description = "Orders now PAID, to be shipped") long toShip) {
    }
}
