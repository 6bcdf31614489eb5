package com.acme.shop.ordering.dto;

import com.acme.shop.ordering.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The back office's view of an order: everything a customer sees, plus its history and refunds. */
@Schema(name = "AdminOrder")
public record AdminOrderDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String number,
        @Schema(required = true) OrderStatus status,
        @Schema(required = true) String email,
        @Schema(required = true, nullable = true, description = "null for a guest order") UUID userId,
        @Schema(required = true) List<OrderItemDto> items,
        @Schema(required = true) long subtotalCents,
        @Schema(required = true, description = "The promotion's discount; the items' discountCents add up to it") long discountCents,
        @Schema(required = true, nullable = true, description = "The code the order was placed with") String promotionCode,
        @Schema(required = true) long shippingCents,
        @Schema(required = true) long taxCents,
        @Schema(required = true) long totalCents,
        @Schema(required = true) long refundedCents,
        @Schema(required = true) String currency,
        @Schema(required = true) ShippingAddressDto shippingAddress,
        @Schema(required = true) PaymentDto payment,
        @Schema(required = true, nullable = true) String trackingNumber,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) List<StatusChangeDto> statusHistory,
        @Schema(required = true) List<RefundDto> refunds) {

    @Schema(name = "OrderStatusChange")
    public record StatusChangeDto(
            @Schema(required = true, nullable = true) OrderStatus from,
            @Schema(required = true) OrderStatus to,
            @Schema(required = true) Instant at,
            @Schema(required = true) String actor,
            @Schema(required = true, nullable = true) String note) {
    }

    public static AdminOrderDto of(OrderDto o, UUID userId, List<StatusChangeDto> history, List<RefundDto> refunds) {
        return new AdminOrderDto(o.id(), o.number(), o.status(), o.email(), userId, o.items(), o.subtotalCents(),
                o.discountCents(), o.promotionCode(), o.shippingCents(), o.taxCents(), o.totalCents(), o.refundedCents(), o.currency(), o.shippingAddress(),
                o.payment(), o.trackingNumber(), o.createdAt(), o.updatedAt(), history, refunds);
    }
}
