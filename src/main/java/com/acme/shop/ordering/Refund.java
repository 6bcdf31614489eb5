package com.acme.shop.ordering;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "amount_cents", nullable = false)
    public long amountCents;

    @Column(nullable = false)
    public String status;

    public String reason;

    @Column(nullable = false)
    public boolean restock;

    @Column(name = "provider_reference")
    public String providerReference;

    @Column(nullable = false)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
