package com.acme.shop.ordering;

import static com.acme.shop.ordering.OrderStatus.CANCELLED;
import static com.acme.shop.ordering.OrderStatus.DELIVERED;
import static com.acme.shop.ordering.OrderStatus.PAID;
import static com.acme.shop.ordering.OrderStatus.PENDING_PAYMENT;
import static com.acme.shop.ordering.OrderStatus.REFUNDED;
import static com.acme.shop.ordering.OrderStatus.SHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void theTransitionTableIsExactlyTheContracts() {
        Map<OrderStatus, Set<OrderStatus>> allowed = Map.of(
                PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED),
                PAID, EnumSet.of(SHIPPED, REFUNDED),
                SHIPPED, EnumSet.of(DELIVERED, REFUNDED),
                DELIVERED, EnumSet.of(REFUNDED),
                CANCELLED, EnumSet.noneOf(OrderStatus.class),
                REFUNDED, EnumSet.noneOf(OrderStatus.class));
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertEquals(allowed.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }
}
