package com.acme.shop.ordering.dto;

import com.acme.shop.ordering.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What anyone holding a tracking link (or number and email) may see: no address beyond city and country. */
@Schema(name = "TrackedOrder")
public record TrackedOrderDto(
        @Schema(required = true) String number,
        @Schema(required = true) OrderStatus status,
        @Schema(required = true) List<TrackedItem> items,
        @Schema(required = true) long subtotalCents,
        @Schema(required = true) long shippingCents,
        @Schema(required = true) long taxCents,
        @Schema(required = true) long totalCents,
        @Schema(required = true) String currency,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) String trackingNumber,
        @Schema(required = true) String shippingCity,
        @Schema(required = true) String shippingCountry) {

    @Schema(name = "TrackedOrderItem")
    public record TrackedItem(
            @Schema(required = true) String sku,
            @Schema(required = true) String name,
            @Schema(required = true) int quantity,
            @Schema(required = true) long unitPriceCents,
            @Schema(required = true) long lineTotalCents) {
    }

    public static TrackedOrderDto of(OrderDto o) {
        return new TrackedOrderDto(o.number(), o.status(), o.items().stream()
                .map(i -> new TrackedItem(i.sku(), i.name(), i.quantity(), i.unitPriceCents(), i.lineTotalCents()))
                .toList(), o.subtotalCents(), o.shippingCents(), o.taxCents(), o.totalCents(), o.currency(),
                o.createdAt(), o.trackingNumber(), o.shippingAddress().city(), o.shippingAddress().country());
    }
}
