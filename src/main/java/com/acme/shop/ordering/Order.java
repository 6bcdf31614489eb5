package com.acme.shop.ordering;

import com.acme.shop.payment.PaymentMethod;
import com.acme.shop.payment.RefundStatus;
import com.acme.shop.platform.ApiException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order ({@code customer_order}), read and written by {@link OrderRows}. Its status and money move only through
 * its methods; they change the fields and keep the history entries and refunds they create in {@link #unsaved},
 * which {@link OrderRows#save} inserts before it writes the order's changed columns under its {@code version}.
 */
public class Order {

    public UUID id;

    public String number;

    public UUID userId;

    public String email;

    public OrderStatus status;

    public String currency;

    public long subtotalCents;

    public long discountCents;

    public String promotionCode;

    public long shippingCents;

    public long taxCents;

    public long totalCents;

    public long refundedCents;

    public PaymentMethod paymentProvider;

    public PaymentStatus paymentStatus;

    public String paymentReference;

    public String paymentIntent;

    public Instant paymentExpiresAt;

    public String trackingNumber;

    public byte[] trackingTokenHash;

    public ShippingAddress shippingAddress;

    public Instant createdAt;

    public Instant updatedAt;

    /** The optimistic lock: every write of the order checks it and moves it on. */
    public long version;

    /** What the order's moves created since it was read or last saved: {@link OrderRows#save} inserts them. */
    final Unsaved unsaved = new Unsaved();

    /** The columns a loaded order can change, as the database holds them; {@link OrderRows#save} writes a difference. */
    Columns stored;

    static final class Unsaved {
        final List<OrderStatusChange> changes = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();

        boolean isEmpty() {
            return changes.isEmpty() && refunds.isEmpty();
        }

        void clear() {
            changes.clear();
            refunds.clear();
        }
    }

    /** The columns of an order that change after it is placed. */
    record Columns(OrderStatus status, PaymentStatus paymentStatus, long refundedCents, String paymentReference,
            String paymentIntent, Instant paymentExpiresAt, String trackingNumber, Instant updatedAt) {
    }

    Columns columns() {
        return new Columns(status, paymentStatus, refundedCents, paymentReference, paymentIntent, paymentExpiresAt,
                trackingNumber, updatedAt);
    }

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

    // --- money moves: the only code that sets paymentStatus or refundedCents ----------------------------

    /** The payment started (a Stripe Checkout Session): it holds the order's stock until {@code expiresAt}. */
    public void paymentStarted(String reference, Instant expiresAt) {
        paymentReference = reference;
        paymentExpiresAt = expiresAt;
    }

    /** The money arrived: a Stripe event, or an admin marking a manual order paid. */
    public void markPaid(String actor, String note) {
        transitionTo(OrderStatus.PAID, actor, note);
        paymentStatus = PaymentStatus.PAID;
    }

    /** The payment will not come (it failed, its session expired, or the order was cancelled unpaid). */
    public void abandonPayment(String actor, String reason) {
        transitionTo(OrderStatus.CANCELLED, actor, reason);
        paymentStatus = PaymentStatus.FAILED;
    }

    /** What can still be refunded. */
    public long refundableCents() {
        return totalCents - refundedCents;
    }

    /** Whether this order's money can be refunded now (it was paid and is not refunded yet). */
    public boolean refundable() {
        return status.canMoveTo(OrderStatus.REFUNDED);
    }

    /** Refuses a refund of this amount unless the order was paid and the amount is within what is left. */
    public void requireRefundable(long amountCents) {
        if (!refundable()) {
            throw new ApiException(409, "invalid_transition", "Invalid transition",
                    "Only PAID, SHIPPED or DELIVERED orders can be refunded; this one is " + status);
        }
        if (amountCents <= 0 || amountCents > refundableCents()) {
            throw new ApiException(422, "refund_exceeds_total", "Refund exceeds total",
                    "At most " + refundableCents() + " can still be refunded on this order");
        }
    }

    /**
     * Money went back through the provider. A refund of the whole rest ends the order REFUNDED; a smaller one
     * leaves its status and marks the payment partially refunded. Never more than the rest (the database's CHECK
     * {@code customer_order_refund_within_total} backs this).
     */
    public Refund refund(long amountCents, RefundStatus refundStatus, String providerReference, String reason,
            boolean restock, String actor) {
        requireRefundable(amountCents);
        boolean full = amountCents == refundableCents();
        Refund refund = addRefund(amountCents, refundStatus, providerReference, reason, restock, actor);
        if (full) {
            transitionTo(OrderStatus.REFUNDED, actor, reason);
            paymentStatus = PaymentStatus.REFUNDED;
        } else {
            paymentStatus = PaymentStatus.PARTIALLY_REFUNDED;
        }
        return refund;
    }

    /**
     * The provider reports this much refunded in all, e.g. from its own dashboard. Refunds made here were
     * recorded when they were made: only what goes beyond them is new, so nothing is counted twice.
     */
    public void providerRefunded(long totalRefundedCents, String actor, String reason) {
        long refunded = Math.min(totalCents, Math.max(refundedCents, totalRefundedCents));
        if (refunded > refundedCents) {
            addRefund(refunded - refundedCents, RefundStatus.SUCCEEDED, null, reason, false, actor);
        }
        if (refunded >= totalCents && refundable()) {
            transitionTo(OrderStatus.REFUNDED, actor, reason);
            paymentStatus = PaymentStatus.REFUNDED;
        } else if (refunded > 0 && status != OrderStatus.REFUNDED) {
            paymentStatus = PaymentStatus.PARTIALLY_REFUNDED;
        }
    }

    /**
     * A Stripe payment that arrived after the order was cancelled (its session expired first) and whose stock
     * was still there and is taken back: the one way out of CANCELLED to PAID. No paid order is silently lost.
     */
    public void acceptLatePayment(String actor) {
        settleLatePayment(OrderStatus.PAID, actor, "late payment: stock taken back");
        paymentStatus = PaymentStatus.PAID;
    }

    /** As {@link #acceptLatePayment}, but the stock is gone: the whole payment went back through the provider. */
    public Refund refundLatePayment(RefundStatus refundStatus, String providerReference, String actor) {
        Refund refund = addRefund(refundableCents(), refundStatus, providerReference,
                "paid after cancellation; stock no longer available", false, actor);
        settleLatePayment(OrderStatus.REFUNDED, actor, "late payment: stock gone, refunded automatically");
        paymentStatus = PaymentStatus.REFUNDED;
        return refund;
    }

    private void settleLatePayment(OrderStatus next, String actor, String note) {
        if (status != OrderStatus.CANCELLED) {
            throw new IllegalStateException("a late payment settles only a cancelled order, not " + status);
        }
        OrderStatusChange change = record(status, next, actor, note);
        status = next;
        updatedAt = change.at;
    }

    private Refund addRefund(long amountCents, RefundStatus refundStatus, String providerReference, String reason,
            boolean restock, String actor) {
        Refund refund = Refund.of(this, amountCents, refundStatus, providerReference, reason, restock, actor);
        unsaved.refunds.add(refund);
        refundedCents += amountCents;
        updatedAt = refund.createdAt;
        return refund;
    }

    /**
     * The first history entry of a new order, for its placement to insert with the order (every later move is
     * recorded by {@link #transitionTo} and kin, and inserted by {@link OrderRows#save}).
     */
    OrderStatusChange placed(String actor) {
        return entry(null, status, actor, null);
    }

    private OrderStatusChange record(OrderStatus from, OrderStatus to, String actor, String note) {
        OrderStatusChange change = entry(from, to, actor, note);
        unsaved.changes.add(change);
        return change;
    }

    private OrderStatusChange entry(OrderStatus from, OrderStatus to, String actor, String note) {
        OrderStatusChange change = new OrderStatusChange();
        change.id = UUID.randomUUID();
        change.orderId = id;
        change.fromStatus = from;
        change.toStatus = to;
        change.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        change.actor = actor;
        change.note = note;
        return change;
    }
}
