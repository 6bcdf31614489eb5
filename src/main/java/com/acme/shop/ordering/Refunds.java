package com.acme.shop.ordering;

import com.acme.shop.ordering.dto.RefundDto;
import com.acme.shop.ordering.dto.RefundRequest;
import com.acme.shop.payment.PaymentRefunds;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Refunds, partial or full, never above what is still refundable. The order row is locked first, so two
 * refunds of one order run one after the other and cannot together exceed its total (the database's CHECK
 * on refunded_cents backs this). A refund that takes the rest is a full refund: the order becomes REFUNDED.
 */
@ApplicationScoped
public class Refunds {

    private static final Set<OrderStatus> REFUNDABLE = Set.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final OrderService orders;
    private final PaymentRefunds payments;
    private final Audit audit;

    Refunds(OrderService orders, PaymentRefunds payments, Audit audit) {
        this.orders = orders;
        this.payments = payments;
        this.audit = audit;
    }

    @Transactional
    public RefundDto refund(UUID orderId, RefundRequest request, String actor) {
        Order order = orders.lockForUpdate(orderId);
        return refund(order, request.amountCents(), request.reason(), Boolean.TRUE.equals(request.restock()), actor);
    }

    /** In the caller's transaction, on an order it has locked. */
    RefundDto refund(Order order, Long requestedCents, String reason, boolean restock, String actor) {
        if (!REFUNDABLE.contains(order.status)) {
            throw new ApiException(409, "invalid_transition", "Invalid transition",
                    "Only PAID, SHIPPED or DELIVERED orders can be refunded; this one is " + order.status);
        }
        long rest = order.totalCents - order.refundedCents;
        long amount = requestedCents == null ? rest : requestedCents;
        if (amount > rest || amount <= 0) {
            throw new ApiException(422, "refund_exceeds_total", "Refund exceeds total",
                    "At most " + rest + " can still be refunded on this order");
        }
        boolean full = amount == rest;
        if (restock && !full) {
            throw ApiException.validation("restock", "is allowed only with a full refund");
        }
        Map<String, Object> before = Map.of("status", order.status, "refundedCents", order.refundedCents);
        PaymentRefunds.Result result = payments.refund(order.paymentProvider, order.paymentIntent, amount,
                "refund-" + order.id + "-" + order.refundedCents + "-" + amount);
        Refund refund = new Refund();
        refund.id = UUID.randomUUID();
        refund.orderId = order.id;
        refund.amountCents = amount;
        refund.status = result.status();
        refund.reason = reason;
        refund.restock = restock;
        refund.providerReference = result.reference();
        refund.actor = actor;
        refund.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        refund.persist();
        order.refundedCents += amount;
        if (full) {
            order.transitionTo(OrderStatus.REFUNDED, actor, reason);
            order.paymentStatus = "refunded";
            if (restock) {
                orders.restock(order.id);
            }
        } else {
            order.paymentStatus = "partially_refunded";
            order.updatedAt = refund.createdAt;
        }
        audit.record("order.refunded", "order", order.id, before,
                Map.of("status", order.status, "refundedCents", order.refundedCents, "refundId", refund.id,
                        "amountCents", amount, "restock", restock));
        return new RefundDto(refund.id, amount, refund.status, reason, restock, refund.createdAt);
    }
}
