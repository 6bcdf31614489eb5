package com.acme.shop.ordering.dto;

import com.acme.shop.ordering.Order;
import com.acme.shop.ordering.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Order")
public record OrderDto(
        @Schema(required = true) UUID id,
        @Schema(required = true) String number,
        @Schema(required = true) OrderStatus status,
        @Schema(required = true) String email,
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
        @Schema(required = true) Instant updatedAt) {

    public static OrderDto of(Order o, List<OrderItemDto> items) {
        return new OrderDto(o.id, o.number, o.status, o.email, items, o.subtotalCents, o.discountCents, o.promotionCode, o.shippingCents, o.taxCents,
                o.totalCents, o.refundedCents, o.currency, ShippingAddressDto.of(o.shippingAddress),
                new PaymentDto(o.paymentProvider.value(), o.paymentStatus.value()), o.trackingNumber, o.createdAt, o.updatedAt);
    }
}
