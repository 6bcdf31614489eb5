package com.acme.shop.ordering;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "order_status_change")
public class OrderStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public OrderStatus toStatus;

    @Column(nullable = false)
    public Instant at;

    /** Who made the change: {@code customer}, {@code guest}, {@code admin:<email>}, {@code stripe}, {@code system}. */
    @Column(nullable = false)
    public String actor;

    public String note;
}
