package com.acme.shop.ordering;

import com.acme.shop.payment.RefundStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    public RefundStatus status;

    public String reason;

    @Column(nullable = false)
    public boolean restock;

    @Column(name = "provider_reference")
    public String providerReference;

    @Column(nullable = false)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The one way a refund row comes to be: through the order's money moves ({@link Order#refund} and kin). */
    static Refund of(Order order, long amountCents, RefundStatus status, String providerReference, String reason,
            boolean restock, String actor) {
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = order.id;
        refund.amountCents = amountCents;
        refund.status = status;
        refund.providerReference = providerReference;
        refund.reason = reason;
        refund.restock = restock;
        refund.actor = actor;
        refund.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        refund.persist();
        return refund;
    }
}
