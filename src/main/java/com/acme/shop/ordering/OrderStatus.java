package com.acme.shop.ordering;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An order's life. {@link #MOVES} is the one table of allowed status changes; every caller goes through it. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, CANCELLED, REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> MOVES = Map.of(
            PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(SHIPPED, REFUNDED),
            SHIPPED, EnumSet.of(DELIVERED, REFUNDED),
            DELIVERED, EnumSet.of(REFUNDED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REFUNDED, EnumSet.noneOf(OrderStatus.class));

    public boolean canMoveTo(OrderStatus next) {
        return MOVES.get(this).contains(next);
    }

    public boolean isFinal() {
        return MOVES.get(this).isEmpty();
    }
}
