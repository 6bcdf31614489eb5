package com.acme.shop.ordering;

import java.time.Instant;
import java.util.UUID;

/** One entry of an order's history ({@code order_status_change}); made only by {@link Order}'s moves. */
public class OrderStatusChange {

    public UUID id;

    public UUID orderId;

    public OrderStatus fromStatus;

    public OrderStatus toStatus;

    public Instant at;

    /** Who made the change: {@code customer}, {@code guest}, {@code admin:<email>}, {@code stripe}, {@code system}. */
    public String actor;

    public String note;
}
