package com.acme.shop.ordering;

import com.acme.shop.platform.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Entity
@Table(name = "customer_order")
public class Order extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String number;

    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(nullable = false, length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String currency;

    @Column(name = "subtotal_cents", nullable = false)
    public long subtotalCents;

    @Column(name = "shipping_cents", nullable = false)
    public long shippingCents;

    @Column(name = "tax_cents", nullable = false)
    public long taxCents;

    @Column(name = "total_cents", nullable = false)
    public long totalCents;

    @Column(name = "refunded_cents", nullable = false)
    public long refundedCents;

    @Column(name = "payment_provider", nullable = false)
    public String paymentProvider;

    @Column(name = "payment_status", nullable = false)
    public String paymentStatus;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "payment_intent")
    public String paymentIntent;

    @Column(name = "payment_expires_at")
    public Instant paymentExpiresAt;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "tracking_token_hash", nullable = false)
    public byte[] trackingTokenHash;

    @Embedded
    public ShippingAddress shippingAddress;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /**
     * The only way an order's status changes: checked against {@link OrderStatus}'s table, and recorded in the
     * history with who did it. Side effects (stock, emails) belong to the caller.
     */
    public OrderStatusChange transitionTo(OrderStatus next, String actor, String note) {
        if (!status.canMoveTo(next)) {
            throw new ApiException(409, "invalid_transition", "Invalid transition",
                    "An order cannot move from " + status + " to " + next);
        }
        OrderStatusChange change = record(status, next, actor, note);
        status = next;
        updatedAt = change.at;
        return change;
    }

    /**
     * A Stripe payment that arrived after the order was cancelled (its session expired first). The one way out
     * of CANCELLED, and only for this: with the stock taken back the order is PAID, otherwise the money went
     * back through Stripe and it is REFUNDED. No paid order is silently lost.
     */
    public OrderStatusChange settleLatePayment(boolean stockRetaken, String actor) {
        if (status != OrderStatus.CANCELLED) {
            throw new IllegalStateException("a late payment settles only a cancelled order, not " + status);
        }
        OrderStatus next = stockRetaken ? OrderStatus.PAID : OrderStatus.REFUNDED;
        OrderStatusChange change = record(status, next, actor,
                stockRetaken ? "late payment: stock taken back" : "late payment: stock gone, refunded automatically");
        status = next;
        updatedAt = change.at;
        return change;
    }

    /** The first history entry, written when the order is placed. */
    OrderStatusChange placed(String actor) {
        return record(null, status, actor, null);
    }

    private OrderStatusChange record(OrderStatus from, OrderStatus to, String actor, String note) {
        OrderStatusChange change = new OrderStatusChange();
        change.id = UUID.randomUUID();
        change.orderId = id;
        change.fromStatus = from;
        change.toStatus = to;
        change.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        change.actor = actor;
        change.note = note;
        change.persist();
        return change;
    }
}
