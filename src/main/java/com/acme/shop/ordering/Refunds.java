package com.acme.shop.ordering;

import com.acme.shop.ordering.dto.RefundDto;
import com.acme.shop.ordering.dto.RefundRequest;
import com.acme.shop.payment.PaymentProvider;
import com.acme.shop.payment.Payments;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Map;
import java.util.UUID;

/**
 * Refunds, partial or full, through the order's payment provider. The order row is locked first, so two refunds
 * of one order run one after the other; what may be refunded is the order's rule ({@link Order#requireRefundable}).
 */
@ApplicationScoped
public class Refunds {

    private final Orders orders;
    private final Payments payments;
    private final Audit audit;

    Refunds(Orders orders, Payments payments, Audit audit) {
        this.orders = orders;
        this.payments = payments;
        this.audit = audit;
    }

    @Transactional
    public RefundDto refund(UUID orderId, RefundRequest request, String actor) {
        Order order = orders.lockForUpdate(orderId);
        return refund(order, request.amountCents(), request.reason(), Boolean.TRUE.equals(request.restock()), actor);
    }

    /** On an order the caller has locked; {@code requestedCents} null means whatever is left. */
    @Transactional(TxType.MANDATORY)
    RefundDto refund(Order order, Long requestedCents, String reason, boolean restock, String actor) {
        long amount = requestedCents == null ? order.refundableCents() : requestedCents;
        order.requireRefundable(amount);
        if (restock && amount != order.refundableCents()) {
            throw ApiException.validation("restock", "is allowed only with a full refund");
        }
        Map<String, Object> before = Map.of("status", order.status, "refundedCents", order.refundedCents);
        PaymentProvider.Refunded paid = payments.of(order.paymentProvider).refund(order.paymentIntent, amount,
                "refund-" + order.id + "-" + order.refundedCents + "-" + amount);
        Refund refund = order.refund(amount, paid.status(), paid.reference(), reason, restock, actor);
        if (restock) {
            orders.restock(order);
        }
        orders.save(order);
        audit.record("order.refunded", "order", order.id, before,
                Map.of("status", order.status, "refundedCents", order.refundedCents, "refundId", refund.id,
                        "amountCents", amount, "restock", restock));
        return RefundDto.of(refund);
    }
}
